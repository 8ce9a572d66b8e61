"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import type { TNotification } from "@/lib/notifications/schemas";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/page";
import { cn } from "@/components/ui/cn";
import { markNotificationsReadAction } from "@/app/(console)/p/[project]/inbox/actions";
import { useRefreshInbox } from "./use-inbox";

const when = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

export function NotificationList({ slug, notifications, unreadCount }: { slug: string; notifications: TNotification[]; unreadCount: number }) {
  const [pending, start] = useTransition();
  const refreshBell = useRefreshInbox(slug);
  const router = useRouter();

  function mark(input: { ids: string[] } | { all: true }, then?: () => void) {
    start(async () => {
      const res = await markNotificationsReadAction(slug, input);
      if (!res.ok) toast.error(res.error);
      await refreshBell();
      then?.();
    });
  }

  if (notifications.length === 0) return <EmptyState title="Nothing here yet">Budget alerts and releases that need you will appear here.</EmptyState>;
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <p className="text-sm text-zinc-500" data-testid="inbox-unread-count">{unreadCount} unread</p>
        <Button variant="secondary" size="sm" disabled={pending || unreadCount === 0} onClick={() => mark({ all: true })}>Mark all read</Button>
      </div>
      <ul aria-label="Notifications" aria-busy={pending} className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {notifications.map((n) => (
          <li key={n.id} aria-label={n.title} data-read={n.read} className={cn("flex items-start gap-3 px-4 py-3", !n.read && "bg-blue-50/40 dark:bg-blue-950/20")}>
            <span className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-blue-600")} aria-hidden />
            <div className="min-w-0 flex-1">
              <p className={cn("text-sm", !n.read && "font-semibold")} dir="auto">
                {n.href ? (
                  <Link href={n.href} className="hover:underline" onClick={() => { if (!n.read) mark({ ids: [n.id] }); }}>{n.title}</Link>
                ) : n.title}
                {!n.read ? <span className="sr-only"> (unread)</span> : null}
              </p>
              {n.body ? <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400" dir="auto">{n.body}</p> : null}
              <p className="mt-1 text-xs text-zinc-500 tabular-nums">{when(n.createdAt)}</p>
            </div>
            {!n.read ? (
              <Button variant="ghost" size="sm" disabled={pending} onClick={() => mark({ ids: [n.id] }, () => router.refresh())} aria-label={`Mark “${n.title}” read`}>Mark read</Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
