import { AlertTriangle, OctagonX } from "lucide-react";
import type { TEvalRunDetail } from "@/lib/evals/runs/schemas";
import { formatCount, formatMs, formatUsd } from "./format";
import { isActive, RunProgressBar } from "./run-status";

function Stat({ label, value, testId, tone }: { label: string; value: string; testId?: string; tone?: "red" }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className={`text-sm font-medium tabular-nums ${tone === "red" ? "text-red-600 dark:text-red-400" : ""}`} data-testid={testId}>{value}</dd>
    </div>
  );
}

/**
 * Where the run is: progress, failures, time and money. Why a run ended early is the first thing
 * shown when it did, never a detail to hunt for.
 */
export function RunProgressPanel({ run }: { run: TEvalRunDetail }) {
  const { progress: p } = run;
  const active = isActive(run.status);
  const capShare = run.costCapUsd ? Math.min(1, p.costUsd / run.costCapUsd) : null;
  return (
    <div className="space-y-3" aria-live={active ? "polite" : undefined}>
      {run.status === "stopped" ? (
        <div role="alert" className="flex gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200" data-testid="stop-reason">
          <OctagonX className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p><strong className="font-semibold">Stopped early.</strong> <span dir="auto">{run.stopReason ?? "No reason was recorded."}</span> The summary covers the {formatCount(p.done)} results written before it stopped.</p>
        </div>
      ) : null}
      {run.status === "failed" ? (
        <div role="alert" className="flex gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200" data-testid="run-error">
          <OctagonX className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p><strong className="font-semibold">The run failed.</strong> <span dir="auto">{run.error ?? "No error was recorded."}</span></p>
        </div>
      ) : null}
      {run.status === "cancelled" ? (
        <div className="flex gap-2 rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900" data-testid="stop-reason">
          <AlertTriangle className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden />
          <p><strong className="font-semibold">Cancelled.</strong> <span dir="auto">{run.stopReason ?? ""}</span> Results written before the cancel are kept.</p>
        </div>
      ) : null}
      {run.status === "queued" && p.done === 0 ? <p className="text-sm text-zinc-500">Queued — waiting for a worker to pick it up.</p> : null}
      <RunProgressBar progress={p} status={run.status} label="Run progress" wide />
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Done" value={`${formatCount(p.done)} / ${formatCount(p.total)}`} testId="progress-done" />
        <Stat label="Failed" value={formatCount(p.failed)} testId="progress-failed" tone={p.failed ? "red" : undefined} />
        <Stat label="Elapsed" value={formatMs(p.elapsedMs)} testId="progress-elapsed" />
        <Stat label={active ? "ETA" : "Finished"} value={active ? formatMs(p.etaMs) : (run.finishedAt?.replace("T", " ").slice(0, 16) ?? "—")} testId="progress-eta" />
        <Stat label={active ? "Cost so far" : "Cost"} value={formatUsd(p.costUsd)} testId="progress-cost" />
        <Stat label="Cost cap" value={run.costCapUsd !== null ? `${formatUsd(run.costCapUsd)} (${Math.round((capShare ?? 0) * 100)}% used)` : "none"} testId="progress-cap" />
      </dl>
    </div>
  );
}
