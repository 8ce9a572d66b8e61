import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { EmptyState, tableClass, td as baseTd, th as baseTh } from "@/components/ui/page";
import type { TEvalRunSummaryRow } from "@/lib/evals/runs/schemas";
import type { ScoreKeyInfo } from "@/lib/evals/runs/types";
import { formatScore, formatUsd, formatWhen } from "./format";
import { RunProgressBar, RunStatusBadge } from "./run-status";

export const frame = "overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800";
export const head = "bg-zinc-50 dark:bg-zinc-900";

export type MetricMean = NonNullable<TEvalRunSummaryRow["metrics"]>[number];

/** A run row with the overall mean per score key (null while the run has no stored summary). */
export type RunListRow = TEvalRunSummaryRow;

// nine columns at 1280 px: a little less padding than other tables so none scrolls out of view
const td = cn(baseTd, "px-2.5");
const th = cn(baseTh, "px-2.5");

// A row has room for a few means; the run page has all of them.
const SHOWN_METRICS = 4;

// judge dimensions first: they are what a reader compares runs by; "/5" and the scorer's label tell
// the judge's faithfulness (1–5) from the heuristic scorer's (0–1)
function KeyMetrics({ metrics }: { metrics: MetricMean[] | null }) {
  if (!metrics) return <span className="text-zinc-400">—</span>;
  const ordered = [...metrics.filter((m) => m.kind === "judge"), ...metrics.filter((m) => m.kind === "scorer")];
  const shown = ordered.slice(0, SHOWN_METRICS);
  return (
    <dl className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-2 text-xs">
      {shown.map((m) => (
        <div key={m.key} className="contents">
          <dt className="truncate text-zinc-500 dark:text-zinc-400" title={`${m.label} (${m.key})`}>{m.kind === "judge" ? m.key.replace(/^judge\./, "") : m.label}</dt>
          <dd className="text-right tabular-nums">{formatScore(m.mean, m.scale)}{m.kind === "judge" && m.mean !== null ? <span className="text-zinc-400">/5</span> : null}</dd>
        </div>
      ))}
      {ordered.length > shown.length ? <dd className="col-span-2 text-zinc-400">+{ordered.length - shown.length} more</dd> : null}
    </dl>
  );
}

export function RunsTable({ slug, runs }: { slug: string; runs: RunListRow[] }) {
  if (!runs.length) {
    return <EmptyState title="No eval runs yet">Start one with “New run”: pick a dataset version, a prompt version, a model and the scorers or judge to grade the answers.</EmptyState>;
  }
  return (
    <div className={frame}>
      <table className={tableClass} aria-label="Eval runs">
        <thead className={head}>
          <tr>
            <th className={th}>Run</th>
            <th className={th}>Status</th>
            <th className={th}>Dataset</th>
            <th className={th}>Prompt · model</th>
            <th className={th}>Progress</th>
            <th className={th}>Key metrics</th>
            <th className={`${th} text-right`}>Cost</th>
            <th className={th}>Created</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-testid={`run-${r.id}`} className="hover:bg-zinc-50 dark:hover:bg-zinc-900/60">
              <td className={`${td} min-w-36 max-w-56`}>
                <Link href={`/p/${slug}/evals/${r.id}`} className="font-medium [overflow-wrap:anywhere] hover:underline" dir="auto">{r.name}</Link>
              </td>
              <td className={td}><RunStatusBadge status={r.status} /></td>
              <td className={td}><Link href={`/p/${slug}/datasets/${r.dataset.name}?version=${r.dataset.version}`} className="whitespace-nowrap hover:underline" dir="auto">{r.dataset.name}</Link> <span className="text-zinc-500">v{r.dataset.version}</span></td>
              <td className={td}>
                <span className="whitespace-nowrap"><Link href={`/p/${slug}/prompts/${r.prompt.name}/versions/${r.prompt.version}`} className="hover:underline" dir="auto">{r.prompt.name}</Link> <span className="text-zinc-500">v{r.prompt.version}</span></span>
                <p className="text-xs text-zinc-500" dir="auto">{r.model.displayName}</p>
              </td>
              <td className={td}><RunProgressBar progress={r.progress} status={r.status} label={`Progress of ${r.name}`} /></td>
              <td className={`${td} w-40 min-w-36`}><KeyMetrics metrics={r.metrics} /></td>
              <td className={`${td} text-right tabular-nums`}>
                {formatUsd(r.progress.costUsd)}
                {r.costCapUsd !== null ? <p className="text-xs text-zinc-500">cap {formatUsd(r.costCapUsd)}</p> : null}
              </td>
              <td className={`${td} whitespace-nowrap tabular-nums text-zinc-500`}>
                <time dateTime={r.createdAt} title={`${formatWhen(r.createdAt)} UTC`}>{r.createdAt.slice(0, 10)}</time>
                <p className="text-xs" dir="auto">{r.authorLabel}</p>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
