"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TNotificationList } from "@/lib/notifications/schemas";

const key = (slug: string) => ["inbox", slug] as const;

/** The unread count, polled for the header bell. */
export function useUnreadCount(slug: string) {
  return useQuery({
    queryKey: key(slug),
    queryFn: async (): Promise<TNotificationList> => {
      const res = await fetch(`/api/v1/projects/${encodeURIComponent(slug)}/notifications?limit=1`, { cache: "no-store" });
      if (!res.ok) throw new Error(`inbox: HTTP ${res.status}`);
      return res.json();
    },
    refetchInterval: 15_000,
    select: (d) => d.unreadCount,
  });
}

/** After marking read on the inbox page, the bell updates at once instead of at its next poll. */
export function useRefreshInbox(slug: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key(slug) });
}
