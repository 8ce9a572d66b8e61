import type { TBreakdownRow, TCostTotals } from "./schemas";
import type { UsageSums } from "../traces/repo";

// Pure aggregation of rollup groups into the dashboard's totals, daily series and breakdowns.
// Request counts live on rows with model "" (one per trace); cost and tokens on the span's model row.

export type { UsageSums } from "../traces/repo";

export type UsageGroup<K extends string> = Record<K, string | number | Date> & UsageSums;

export const DAY_MS = 86_400_000;
/** Series beyond this many are summed into "Other" so the stacked chart stays readable. */
export const MAX_SERIES = 6;
export const NONE_LABEL = "(none)";

export const zeroSums = (): UsageSums => ({ requests: 0, failedRequests: 0, spans: 0, errorSpans: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 });

function add(into: UsageSums, r: UsageSums) {
  into.requests += r.requests;
  into.failedRequests += r.failedRequests;
  into.spans += r.spans;
  into.errorSpans += r.errorSpans;
  into.inputTokens += r.inputTokens;
  into.outputTokens += r.outputTokens;
  into.costUsd += r.costUsd;
}

export function totalsOf(rows: UsageSums[]): TCostTotals {
  const t = zeroSums();
  for (const r of rows) add(t, r);
  const successful = t.requests - t.failedRequests;
  return {
    costUsd: t.costUsd, requests: t.requests, failedRequests: t.failedRequests,
    costPerSuccessfulRequestUsd: successful > 0 ? t.costUsd / successful : null,
    inputTokens: t.inputTokens, outputTokens: t.outputTokens,
    errorRate: t.requests > 0 ? t.failedRequests / t.requests : null,
    spans: t.spans, errorSpans: t.errorSpans,
  };
}

/** Rows grouped by `keyOf`, most expensive first; `perRequest` false drops request counts (by model). */
export function breakdown<R extends UsageSums>(rows: R[], keyOf: (r: R) => string, labelOf: (key: string) => string, perRequest = true): TBreakdownRow[] {
  const groups = new Map<string, UsageSums>();
  for (const r of rows) {
    const key = keyOf(r);
    const g = groups.get(key) ?? zeroSums();
    add(g, r);
    groups.set(key, g);
  }
  const total = [...groups.values()].reduce((s, g) => s + g.costUsd, 0);
  return [...groups]
    // a model "" group without cost or tokens only carries request counts
    .filter(([key, g]) => perRequest || key !== "" || g.costUsd > 0 || g.inputTokens + g.outputTokens > 0)
    .map(([key, g]) => ({
      key, label: labelOf(key), costUsd: g.costUsd, share: total > 0 ? g.costUsd / total : 0,
      requests: perRequest ? g.requests : null, failedRequests: perRequest ? g.failedRequests : null,
      inputTokens: g.inputTokens, outputTokens: g.outputTokens,
    }))
    .sort((a, b) => b.costUsd - a.costUsd || a.label.localeCompare(b.label));
}

export interface DailySeries {
  series: { key: string; label: string }[];
  points: { day: string; costUsd: number; values: Record<string, number> }[];
}

const OTHER = "__other__";

/** Cost per UTC day from `from` for `days` days, stacked by key: the top MAX_SERIES keys by cost, the rest as "Other". */
export function dailySeries<R extends UsageSums & { day: Date }>(rows: R[], keyOf: (r: R) => string, labelOf: (key: string) => string, from: Date, days: number): DailySeries {
  const costByKey = new Map<string, number>();
  for (const r of rows) costByKey.set(keyOf(r), (costByKey.get(keyOf(r)) ?? 0) + r.costUsd);
  const ranked = [...costByKey].filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const shown = ranked.length > MAX_SERIES ? ranked.slice(0, MAX_SERIES - 1) : ranked;
  const shownSet = new Set(shown);
  const series = shown.map((key) => ({ key, label: labelOf(key) }));
  if (ranked.length > shown.length) series.push({ key: OTHER, label: "Other" });

  const points = Array.from({ length: days }, (_, i) => {
    const day = new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    return { day, costUsd: 0, values: Object.fromEntries(series.map((s) => [s.key, 0])) as Record<string, number> };
  });
  const byDay = new Map(points.map((p) => [p.day, p]));
  for (const r of rows) {
    if (r.costUsd === 0) continue;
    const p = byDay.get(r.day.toISOString().slice(0, 10));
    if (!p) continue;
    const key = shownSet.has(keyOf(r)) ? keyOf(r) : OTHER;
    p.values[key] += r.costUsd;
    p.costUsd += r.costUsd;
  }
  return { series, points };
}
