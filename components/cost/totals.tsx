import type { TCostTotals } from "@/lib/costs/schemas";
import { formatCount, formatRate, formatUsd } from "./format";

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400" title={hint}>{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}

// No cache hit ratio: there is no gateway yet to measure it, and a made-up number is worse than none.
export function CostTotals({ totals }: { totals: TCostTotals }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label="Totals for the range">
      <Stat label="Cost" value={formatUsd(totals.costUsd)} testId="total-cost" />
      <Stat label="Requests" value={formatCount(totals.requests)} hint="Traces, counted on the UTC day each started" testId="total-requests" />
      <Stat label="Cost per successful request" value={formatUsd(totals.costPerSuccessfulRequestUsd)} hint="Cost ÷ (requests − failed requests)" testId="total-cost-per-request" />
      <Stat label="Input tokens" value={formatCount(totals.inputTokens)} testId="total-input-tokens" />
      <Stat label="Output tokens" value={formatCount(totals.outputTokens)} testId="total-output-tokens" />
      <Stat label="Error rate" value={formatRate(totals.errorRate)} hint="Failed requests ÷ requests (a request fails when any of its spans failed)" testId="total-error-rate" />
    </dl>
  );
}
