"use client";

import { useQuery } from "@tanstack/react-query";
import type { TEvalRunDetail } from "@/lib/evals/runs/schemas";
import { isActive } from "./run-status";

export const evalRunKey = (slug: string, id: string) => ["eval-run", slug, id] as const;

/** The run, polled every second while it is queued or running (the summary is live while it runs). */
export function useEvalRun(slug: string, initial: TEvalRunDetail) {
  return useQuery({
    queryKey: evalRunKey(slug, initial.id),
    queryFn: async (): Promise<TEvalRunDetail> => {
      const res = await fetch(`/api/v1/projects/${encodeURIComponent(slug)}/eval-runs/${encodeURIComponent(initial.id)}`, { cache: "no-store" });
      if (!res.ok) throw new Error((await res.json().catch(() => null))?.error?.message ?? `HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? 1000 : false),
    // each read recomputes the live summary on the server; a hidden tab does not need it
    refetchIntervalInBackground: false,
  });
}
