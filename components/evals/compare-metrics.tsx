import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import type { ComparedMetric, ItemChange, RunComparison } from "@/lib/evals/runs/types";
import { formatCount, formatScore, formatSignedInterval } from "./format";
import { frame, head } from "./runs-table";
import type { CompareOption } from "./compare-control";

const VERDICT = {
  regression: { tone: "red", text: "regression" },
  improvement: { tone: "green", text: "improvement" },
  "no-change": { tone: "neutral", text: "no clear change" },
  "not-comparable": { tone: "amber", text: "not comparable" },
} as const;

export function VerdictBadge({ verdict }: { verdict: ComparedMetric["verdict"] }) {
  const v = VERDICT[verdict];
  return <span data-testid="verdict"><Badge tone={v.tone}>{v.text}</Badge></span>;
}

export const CHANGE = {
  regressed: { tone: "red", text: "regressed" },
  "newly-failed": { tone: "red", text: "newly failed" },
  improved: { tone: "green", text: "improved" },
  fixed: { tone: "green", text: "fixed" },
  unchanged: { tone: "neutral", text: "unchanged" },
  "failed-both": { tone: "amber", text: "failed in both" },
  "only-baseline": { tone: "blue", text: "only in baseline" },
  "only-candidate": { tone: "blue", text: "only in candidate" },
} as const satisfies Record<ItemChange, { tone: string; text: string }>;

export const CHANGE_ORDER: ItemChange[] = ["regressed", "newly-failed", "improved", "fixed", "unchanged", "failed-both", "only-baseline", "only-candidate"];

export function ChangeCounts({ counts }: { counts: RunComparison["counts"] }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Change counts">
      {CHANGE_ORDER.filter((c) => counts[c] > 0 || c === "regressed" || c === "improved").map((c) => (
        <li key={c} data-testid={`count-${c}`}><Badge tone={CHANGE[c].tone}>{CHANGE[c].text}: {formatCount(counts[c])}</Badge></li>
      ))}
    </ul>
  );
}

/** Per metric: both means and the paired difference; the verdict comes from the interval, not the point estimate. */
export function CompareMetricsTable({ metrics }: { metrics: ComparedMetric[] }) {
  if (!metrics.length) return <EmptyState title="No shared metrics">The two runs scored no key in common.</EmptyState>;
  return (
    <div className={frame}>
      <table className={tableClass} aria-label="Metric comparison">
        <thead className={head}>
          <tr>
            <th className={th}>Metric</th><th className={`${th} text-right`}>Baseline</th><th className={`${th} text-right`}>Candidate</th>
            <th className={`${th} text-right`}>Difference [95% paired CI]</th><th className={`${th} text-right`}>Items paired</th><th className={th}>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={m.key} data-testid={`compare-${m.key}`} className={m.verdict === "regression" ? "bg-red-50/60 dark:bg-red-950/30" : m.verdict === "improvement" ? "bg-emerald-50/60 dark:bg-emerald-950/30" : undefined}>
              <td className={td}><span className="font-medium">{m.label}</span> <span className="text-xs text-zinc-500">{m.kind === "judge" ? "1–5" : "0–1"}</span></td>
              <td className={`${td} text-right tabular-nums`}>{formatScore(m.baselineMean, m.scale)}</td>
              <td className={`${td} text-right tabular-nums`}>{formatScore(m.candidateMean, m.scale)}</td>
              <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{formatSignedInterval(m.difference, m.scale)}</td>
              <td className={`${td} text-right tabular-nums`}>{m.difference ? formatCount(m.difference.n) : "—"}</td>
              <td className={td}><VerdictBadge verdict={m.verdict} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Pick the two runs; a plain GET form so every comparison has a URL. */
export function ComparePicker({ runs, baseline, candidate }: { runs: (CompareOption & { dataset: string })[]; baseline?: string; candidate?: string }) {
  const option = (r: CompareOption & { dataset: string }) => <option key={r.id} value={r.id}>{r.name} · {r.dataset} · {r.status} · {r.createdAt.slice(0, 10)}</option>;
  return (
    <form method="get" aria-label="Choose runs to compare" className="mb-5 grid items-end gap-3 md:grid-cols-[1fr_1fr_auto]">
      <Field label="Baseline" htmlFor="cmp-baseline">
        <Select id="cmp-baseline" name="baseline" defaultValue={baseline ?? ""} required>
          <option value="" disabled>Choose the baseline run</option>
          {runs.map(option)}
        </Select>
      </Field>
      <Field label="Candidate" htmlFor="cmp-candidate">
        <Select id="cmp-candidate" name="candidate" defaultValue={candidate ?? ""} required>
          <option value="" disabled>Choose the candidate run</option>
          {runs.map(option)}
        </Select>
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">Compare</Button>
        {baseline && candidate ? <Button asChild variant="ghost"><a href={`?baseline=${encodeURIComponent(candidate)}&candidate=${encodeURIComponent(baseline)}`}>Swap</a></Button> : null}
      </div>
    </form>
  );
}
