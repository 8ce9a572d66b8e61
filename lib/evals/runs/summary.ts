import { bootstrapMeanInterval, languageParityGap, passRate, percentile, type BootstrapOptions } from "../stats";
import type { DistributionBucket, GroupSummary, MetricSummary, ResultForSummary, RunSummary, ScoreEntry, ScoreKeyInfo } from "./types";

// A run's summary (issue 4, "Results"), computed once from its result rows when the run ends.
//
// The ITEM is the statistical unit: repeats of one item are averaged first and the bootstrap resamples
// items, so n is the number of items with a value. Resampling repeats as if they were independent would
// count one item's several answers as separate evidence and make the intervals too narrow.

/** The entry's number on its key's scale (judge: raw 1..5, scorer: 0..1); null when the scorer failed or gave none. */
export function scoreValue(entry: ScoreEntry | undefined, key: ScoreKeyInfo): number | null {
  if (!entry || entry.error != null) return null;
  const value = key.kind === "judge" ? entry.raw : entry.score;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Result rows by item key; the repeats of one item share it. */
export function groupByItem(results: ResultForSummary[]): Map<string, ResultForSummary[]> {
  const items = new Map<string, ResultForSummary[]>();
  for (const row of results) {
    const rows = items.get(row.itemKey);
    if (rows) rows.push(row);
    else items.set(row.itemKey, [row]);
  }
  return items;
}

/** The mean over an item's repeats for one key, or null when no repeat has a value (a failed row's successful scores count). */
export function itemMean(rows: ResultForSummary[], key: ScoreKeyInfo): number | null {
  const values = rows.map((r) => scoreValue(r.scores[key.key], key)).filter((v): v is number => v !== null);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

export interface ItemValue {
  itemKey: string;
  language: string;
  value: number;
}

/** One value per item that has one, sorted by item key so the seeded bootstrap does not depend on row order. */
export function itemValues(results: ResultForSummary[], key: ScoreKeyInfo): ItemValue[] {
  const values: ItemValue[] = [];
  for (const [itemKey, rows] of groupByItem(results)) {
    const value = itemMean(rows, key);
    if (value !== null) values.push({ itemKey, language: rows[0].language, value });
  }
  return values.sort((a, b) => compareStrings(a.itemKey, b.itemKey));
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "ar-SA", "AR" and "ar_EG" all belong to "ar" (the same rule languageParityGap applies). */
export function primaryLanguage(language: string): string {
  return language.trim().toLowerCase().split(/[-_]/)[0];
}

function summarizeMetric(results: ResultForSummary[], key: ScoreKeyInfo, options: BootstrapOptions): MetricSummary {
  const entries = results.map((r) => r.scores[key.key]);
  return {
    ...key,
    mean: bootstrapMeanInterval(itemValues(results, key).map((v) => v.value), options),
    passRate: passRate(entries.map((e) => (e && e.error == null ? e.passed : undefined))),
    // a row that failed before this score could be taken (generation, retrieval) counts as an error for it too
    errors: results.filter((r) => r.scores[key.key]?.error != null || (r.status === "failed" && !r.scores[key.key])).length,
  };
}

function sum(results: ResultForSummary[], field: (r: ResultForSummary) => number): number {
  return results.reduce((total, r) => total + field(r), 0);
}

function summarizeGroup(results: ResultForSummary[], keys: ScoreKeyInfo[], options: BootstrapOptions): GroupSummary {
  const latencies = results.map((r) => r.latencyMs).filter((l): l is number => typeof l === "number");
  const candidate = sum(results, (r) => r.costUsd);
  const judge = sum(results, (r) => r.judgeCostUsd);
  return {
    results: results.length,
    failed: results.filter((r) => r.status === "failed").length,
    metrics: keys.map((key) => summarizeMetric(results, key, options)),
    latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
    tokens: {
      input: sum(results, (r) => r.inputTokens),
      output: sum(results, (r) => r.outputTokens),
      judgeInput: sum(results, (r) => r.judgeInputTokens),
      judgeOutput: sum(results, (r) => r.judgeOutputTokens),
    },
    cost: { total: candidate + judge, candidate, judge, perItem: results.length === 0 ? null : candidate / results.length },
  };
}

function byLanguage(results: ResultForSummary[], keys: ScoreKeyInfo[], options: BootstrapOptions): Record<string, GroupSummary> {
  const groups = new Map<string, ResultForSummary[]>();
  for (const row of results) {
    const tag = primaryLanguage(row.language);
    const rows = groups.get(tag);
    if (rows) rows.push(row);
    else groups.set(tag, [row]);
  }
  const tags = [...groups.keys()].sort(compareStrings);
  return Object.fromEntries(tags.map((tag) => [tag, summarizeGroup(groups.get(tag)!, keys, options)]));
}

/**
 * Judge keys: one bucket per integer score on the rubric's scale. Scorers: tenths of the scale, the last
 * bucket closed so a perfect 1.0 is counted. Counts are per result row, so the chart shows every answer.
 */
function distribution(results: ResultForSummary[], key: ScoreKeyInfo): DistributionBucket[] {
  const { min, max } = key.scale;
  const buckets: DistributionBucket[] =
    key.kind === "judge"
      ? Array.from({ length: max - min + 1 }, (_, i) => ({ from: min + i, to: min + i, count: 0 }))
      : Array.from({ length: 10 }, (_, i) => ({ from: min + ((max - min) * i) / 10, to: min + ((max - min) * (i + 1)) / 10, count: 0 }));
  for (const row of results) {
    const value = scoreValue(row.scores[key.key], key);
    if (value === null) continue;
    const index = key.kind === "judge" ? Math.round(value) - min : Math.floor(((value - min) / (max - min)) * 10);
    // Clamped so an out-of-scale value still shows up at the nearest edge rather than vanishing.
    buckets[Math.min(buckets.length - 1, Math.max(0, index))].count += 1;
  }
  return buckets;
}

export function summarizeRun(results: ResultForSummary[], keys: ScoreKeyInfo[], options: BootstrapOptions = {}): RunSummary {
  return {
    overall: summarizeGroup(results, keys, options),
    byLanguage: byLanguage(results, keys, options),
    parity: Object.fromEntries(keys.map((key) => [key.key, languageParityGap(itemValues(results, key), options)])),
    distributions: Object.fromEntries(keys.map((key) => [key.key, distribution(results, key)])),
  };
}
