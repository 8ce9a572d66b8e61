"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import type { ComparedItem, ComparedMetric, ItemChange, RunComparison } from "@/lib/evals/runs/types";
import { CHANGE, CHANGE_ORDER } from "./compare-metrics";
import { formatScore } from "./format";
import { KeyHeading, keyTh } from "./run-summary";
import { frame, head } from "./runs-table";

const PAGE = 200;
// regressions first: the list is read to find what got worse
const RANK = Object.fromEntries(CHANGE_ORDER.map((c, i) => [c, i])) as Record<ItemChange, number>;

function Cell({ item, metric }: { item: ComparedItem; metric: ComparedMetric }) {
  const b = item.baseline[metric.key] ?? null;
  const c = item.candidate[metric.key] ?? null;
  const delta = b !== null && c !== null ? c - b : null;
  const tone = delta === null || Math.abs(delta) < 1e-9 ? "" : delta < 0 ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400";
  return (
    <span className="whitespace-nowrap tabular-nums">
      <span className="text-zinc-500">{formatScore(b, metric.scale)}</span>
      <span aria-hidden className="px-1 text-zinc-400">→</span><span className="sr-only"> to </span>
      <span className={tone}>{formatScore(c, metric.scale)}</span>
    </span>
  );
}

/** Item by item, filterable by change; regressions and improvements are tinted so they stand out. */
export function CompareItems({ items, metrics, counts }: { items: ComparedItem[]; metrics: ComparedMetric[]; counts: RunComparison["counts"] }) {
  const [change, setChange] = useState<ItemChange | "all" | "changed">(items.length > counts.unchanged ? "changed" : "all");
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => {
    const list = items.filter((i) => change === "all" || (change === "changed" ? i.change !== "unchanged" : i.change === change));
    return [...list].sort((a, b) => RANK[a.change] - RANK[b.change]);
  }, [items, change]);
  const changed = items.length - counts.unchanged;
  return (
    <div className="space-y-3">
      <div className="flex items-end gap-3">
        <div>
          <label htmlFor="cmp-change" className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">Show</label>
          <select id="cmp-change" value={change} onChange={(e) => { setChange(e.target.value as typeof change); setLimit(PAGE); }}
            className="h-8 rounded-md border border-zinc-300 bg-white px-2.5 pr-7 text-sm dark:border-zinc-700 dark:bg-zinc-900">
            <option value="changed">Changed items ({changed})</option>
            <option value="all">All items ({items.length})</option>
            {CHANGE_ORDER.map((c) => <option key={c} value={c} disabled={!counts[c]}>{CHANGE[c].text} ({counts[c]})</option>)}
          </select>
        </div>
        <p className="pb-1.5 text-xs text-zinc-500" aria-live="polite">{shown.length} {shown.length === 1 ? "item" : "items"}</p>
      </div>
      {shown.length ? (
        <div className={frame}>
          <table className={tableClass} aria-label="Item changes">
            <thead className={head}>
              <tr>
                <th className={th}>Item</th><th className={th}>Lang</th><th className={th}>Change</th>
                {metrics.map((m) => <th key={m.key} className={keyTh} title={m.label}><KeyHeading info={m} /></th>)}
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, limit).map((i) => {
                const bad = i.change === "regressed" || i.change === "newly-failed";
                const good = i.change === "improved" || i.change === "fixed";
                return (
                  <tr key={i.itemKey} data-testid={`item-${i.itemKey}`} className={bad ? "bg-red-50/60 dark:bg-red-950/30" : good ? "bg-emerald-50/60 dark:bg-emerald-950/30" : undefined}>
                    <td className={`${td} font-mono text-xs`} dir="ltr">{i.itemKey}</td>
                    <td className={td}>{i.language}</td>
                    <td className={td}>
                      <Badge tone={CHANGE[i.change].tone}>{CHANGE[i.change].text}</Badge>
                      {i.baselineFailed || i.candidateFailed ? (
                        <p className="mt-0.5 text-xs text-zinc-500">{[i.baselineFailed ? "baseline failed" : "", i.candidateFailed ? "candidate failed" : ""].filter(Boolean).join(", ")}</p>
                      ) : null}
                    </td>
                    {metrics.map((m) => <td key={m.key} className={`${td} text-right`}><Cell item={i} metric={m} /></td>)}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : <EmptyState title="No items with this change" />}
      {shown.length > limit ? <Button type="button" variant="secondary" size="sm" onClick={() => setLimit((l) => l + PAGE)}>Show {Math.min(PAGE, shown.length - limit)} more</Button> : null}
    </div>
  );
}
