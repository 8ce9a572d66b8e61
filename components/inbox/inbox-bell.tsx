"use client";

import Link from "next/link";
import { Bell } from "lucide-react";
import { useUnreadCount } from "./use-inbox";

export function InboxBell({ slug }: { slug: string }) {
  const { data: unread = 0 } = useUnreadCount(slug);
  const label = unread > 0 ? `Inbox, ${unread} unread` : "Inbox";
  return (
    <Link href={`/p/${slug}/inbox`} aria-label={label} title={label} className="relative inline-flex size-7 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100">
      <Bell className="size-4" aria-hidden />
      {unread > 0 ? (
        <span data-testid="inbox-unread" className="absolute -right-1 -top-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white" aria-hidden>
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
