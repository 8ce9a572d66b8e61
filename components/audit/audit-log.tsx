"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/page";
import type { TAuditPage as Page } from "@/lib/audit/schemas";
import { AuditTable } from "./audit-table";

/** First page rendered on the server; further pages fetched from the public API with the session. */
export function AuditLog({ slug, filters, firstPage }: { slug: string; filters: Record<string, string>; firstPage: Page }) {
  const q = useInfiniteQuery({
    queryKey: ["audit", slug, filters],
    initialPageParam: null as string | null,
    initialData: { pages: [firstPage], pageParams: [null] },
    queryFn: async ({ pageParam }): Promise<Page> => {
      const params = new URLSearchParams({ ...filters, project: slug, ...(pageParam ? { cursor: pageParam } : {}) });
      const res = await fetch(`/api/v1/audit-events?${params}`);
      const body = await res.json();
      if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
      return body;
    },
    getNextPageParam: (last) => last.nextCursor,
    staleTime: Infinity,
  });
  const events = q.data.pages.flatMap((p) => p.events);
  if (!events.length) return <EmptyState title="No audit events match these filters" />;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <AuditTable events={events} />
      </div>
      {q.error ? <p role="alert" className="text-sm text-red-600">{q.error.message}</p> : null}
      {q.hasNextPage ? (
        <Button variant="secondary" onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          {q.isFetchingNextPage ? "Loading…" : "Load older events"}
        </Button>
      ) : (
        <p className="text-xs text-zinc-500">{events.length} events — the beginning of the trail.</p>
      )}
    </div>
  );
}
