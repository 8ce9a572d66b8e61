"use client";

import { useQuery } from "@tanstack/react-query";
import type { TIndexBuild } from "@/lib/registry/retrieval/schemas";

export const indexBuildKey = (slug: string, name: string, version: number) => ["retrieval", slug, name, version, "index"] as const;

const running = (b: TIndexBuild | null | undefined) => b?.status === "queued" || b?.status === "running";

/** The version's index build, polled every second while it is queued or running. null: never built. */
export function useIndexBuild(slug: string, name: string, version: number, initial: TIndexBuild | null) {
  return useQuery({
    queryKey: indexBuildKey(slug, name, version),
    queryFn: async (): Promise<TIndexBuild | null> => {
      const res = await fetch(`/api/v1/projects/${encodeURIComponent(slug)}/retrieval-configs/${encodeURIComponent(name)}/versions/${version}/index`, { cache: "no-store" });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error((await res.json().catch(() => null))?.error?.message ?? `HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    staleTime: 0,
    refetchInterval: (q) => (running(q.state.data) ? 1000 : false),
  });
}
