import { Badge } from "@/components/ui/page";
import type { RunStatus, TEvalRunSummaryRow } from "@/lib/evals/runs/schemas";
import { formatCount } from "./format";

const TONE = { queued: "blue", running: "amber", completed: "green", failed: "red", cancelled: "neutral", stopped: "red" } as const;

// Mirrors ACTIVE_STATUSES in lib/evals/runs/schemas.ts; importing the value would pull the scorer
// registry into the browser bundle.
export const isActive = (status: RunStatus) => status === "queued" || status === "running";

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span data-testid="run-status"><Badge tone={TONE[status]}>{status}</Badge></span>;
}

/** done/total with failures in red, so a run that "finished" by failing every item is not read as green. */
export function RunProgressBar({ progress, status, label, wide }: { progress: TEvalRunSummaryRow["progress"]; status: RunStatus; label: string; wide?: boolean }) {
  const { done, total, failed } = progress;
  const ok = Math.max(0, done - failed);
  const pct = (n: number) => (total > 0 ? (100 * n) / total : 0);
  const percent = Math.round(pct(done));
  return (
    <div className={wide ? "space-y-1" : "min-w-24 space-y-1"}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${formatCount(done)} of ${formatCount(total)} done${failed ? `, ${formatCount(failed)} failed` : ""}`}
        className={`flex w-full overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800 ${wide ? "h-2.5" : "h-1.5"}`}
      >
        <div className={`h-full ${isActive(status) ? "bg-blue-500" : "bg-emerald-500"} transition-all`} style={{ width: `${pct(ok)}%` }} />
        <div className="h-full bg-red-500 transition-all" style={{ width: `${pct(failed)}%` }} />
      </div>
      <p className="text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
        {formatCount(done)}/{formatCount(total)}
        {wide ? ` (${percent}%)` : null}
        {failed ? <span className="text-red-600 dark:text-red-400"> · {formatCount(failed)} failed</span> : null}
      </p>
    </div>
  );
}
