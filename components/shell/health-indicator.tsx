"use client";

import { useQuery } from "@tanstack/react-query";
import type { THealth } from "@/lib/health/schemas";

/** Polls /api/health so an operator sees at once when the worker or a store is down. */
export function HealthIndicator() {
  const { data, isError } = useQuery({
    queryKey: ["health"],
    queryFn: async (): Promise<THealth> => (await fetch("/api/health", { cache: "no-store" })).json(),
    refetchInterval: 15_000,
  });
  const ok = data?.status === "ok" && !isError;
  const label = !data ? "Checking system health" : ok ? "All systems operational" : `Degraded: ${(data.failing ?? ["web"]).join(", ")} down`;
  return (
    <div className="flex items-center gap-2 px-2 text-xs text-zinc-500" role="status" aria-live="polite">
      <span className={`size-2 rounded-full ${!data ? "bg-zinc-300" : ok ? "bg-emerald-500" : "bg-red-500"}`} aria-hidden />
      {label}
    </div>
  );
}
