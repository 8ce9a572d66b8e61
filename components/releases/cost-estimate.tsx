import { formatCount, formatUsd } from "@/components/cost/format";
import type { estimateReleaseCost } from "@/lib/releases/service";

type Estimate = Awaited<ReturnType<typeof estimateReleaseCost>>;

/** The release's pre-launch cost for an expected traffic (a GET form: the figure lives in the URL). */
export function ReleaseCostEstimate({ estimate, error, requestsPerDay }: { estimate: Estimate | null; error: string | null; requestsPerDay: number }) {
  return (
    <div className="space-y-3 text-sm" data-testid="release-estimate">
      <form method="get" className="flex items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="requests-per-day" className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">Expected requests per day</label>
          <input
            id="requests-per-day" name="requestsPerDay" type="number" min={1} max={1_000_000_000} defaultValue={requestsPerDay} required
            className="h-8 w-44 rounded-md border border-zinc-300 bg-white px-2.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>
        <button type="submit" className="h-8 rounded-md border border-zinc-300 px-3 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">Estimate</button>
      </form>
      {error ? <p role="alert" className="text-red-700 dark:text-red-400">{error}</p> : null}
      {estimate ? (
        <>
          <dl className="grid grid-cols-3 gap-4">
            <div><dt className="text-xs text-zinc-500">Per request</dt><dd className="text-base font-medium tabular-nums">{formatUsd(estimate.costPerRequestUsd)}</dd></div>
            <div><dt className="text-xs text-zinc-500">Per day</dt><dd className="text-base font-medium tabular-nums">{formatUsd(estimate.dailyUsd)}</dd></div>
            <div><dt className="text-xs text-zinc-500">Per month (30 days)</dt><dd className="text-base font-medium tabular-nums" data-testid="release-estimate-monthly">{formatUsd(estimate.monthlyUsd)}</dd></div>
          </dl>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {formatCount(estimate.tokensPerRequest.input)} input + {formatCount(estimate.tokensPerRequest.output)} output tokens per request (mean of{" "}
            {formatCount(estimate.tokensPerRequest.sampleSize)} eval results on {estimate.evalRuns.map((r) => r.dataset).join(", ")}) at{" "}
            {estimate.model.displayName}&apos;s ${estimate.model.inputPricePerMTok} / ${estimate.model.outputPricePerMTok} per million tokens.
          </p>
        </>
      ) : null}
    </div>
  );
}
