import { mean, pairedBootstrapDifference, type BootstrapOptions, type PairedDifference } from "../stats";
import { compareStrings, groupByItem, itemMean, itemValues } from "./summary";
import type { ComparedItem, ComparedMetric, ItemChange, ResultForSummary, RunComparison, ScoreKeyInfo } from "./types";

// Comparing a candidate run with a baseline on the same dataset (issue 4, "Results"), item by item.
// As in the summary, the item is the unit: repeats are averaged per item before anything is paired.

/**
 * An item counts as regressed or improved only when its scores move by more than 5% of the scales'
 * width on average. Smaller moves are judge noise: with three repeats, one repeat's judge moving one
 * point on one of four 1..5 dimensions is 0.25 / 3 / 4 ≈ 0.02, and that should not flag the item.
 */
export const ITEM_CHANGE_THRESHOLD = 0.05;

function verdictOf(difference: PairedDifference | null): ComparedMetric["verdict"] {
  if (!difference) return "not-comparable";
  if (difference.high < 0) return "regression";
  if (difference.low > 0) return "improvement";
  return "no-change";
}

function compareMetric(baseline: ResultForSummary[], candidate: ResultForSummary[], key: ScoreKeyInfo, options: BootstrapOptions): ComparedMetric {
  const base = itemValues(baseline, key);
  const cand = itemValues(candidate, key);
  const keyed = (values: typeof base) => values.map((v) => ({ key: v.itemKey, value: v.value }));
  const difference = pairedBootstrapDifference(keyed(base), keyed(cand), options);
  return {
    ...key,
    baselineMean: mean(base.map((v) => v.value)),
    candidateMean: mean(cand.map((v) => v.value)),
    difference,
    verdict: verdictOf(difference),
  };
}

function meansByKey(rows: ResultForSummary[] | undefined, keys: ScoreKeyInfo[]): Record<string, number | null> {
  return Object.fromEntries(keys.map((key) => [key.key, rows ? itemMean(rows, key) : null]));
}

/** Mean over keys scored on both sides of (candidate − baseline) / scale width, so judge and scorer keys weigh alike. */
function normalisedChange(item: Pick<ComparedItem, "baseline" | "candidate">, keys: ScoreKeyInfo[]): number | null {
  const changes = keys.flatMap((key) => {
    const before = item.baseline[key.key];
    const after = item.candidate[key.key];
    const width = key.scale.max - key.scale.min;
    return before == null || after == null || !(width > 0) ? [] : [(after - before) / width];
  });
  return mean(changes);
}

function changeOf(item: Omit<ComparedItem, "change">, hasBaseline: boolean, hasCandidate: boolean, keys: ScoreKeyInfo[]): ItemChange {
  if (!hasCandidate) return "only-baseline";
  if (!hasBaseline) return "only-candidate";
  if (item.baselineFailed && item.candidateFailed) return "failed-both";
  if (item.candidateFailed) return "newly-failed";
  if (item.baselineFailed) return "fixed";
  const change = normalisedChange(item, keys) ?? 0;
  if (change < -ITEM_CHANGE_THRESHOLD) return "regressed";
  if (change > ITEM_CHANGE_THRESHOLD) return "improved";
  return "unchanged";
}

/** Worse first, so the list opens on what needs a look; then better; then the rest. */
const CHANGE_RANK: Record<ItemChange, number> = {
  regressed: 0,
  "newly-failed": 0,
  improved: 1,
  fixed: 1,
  unchanged: 2,
  "failed-both": 2,
  "only-baseline": 2,
  "only-candidate": 2,
};

function compareItems(baseline: ResultForSummary[], candidate: ResultForSummary[], keys: ScoreKeyInfo[]): ComparedItem[] {
  const base = groupByItem(baseline);
  const cand = groupByItem(candidate);
  const itemKeys = new Set([...base.keys(), ...cand.keys()]);
  const items = [...itemKeys].map((itemKey): ComparedItem => {
    const b = base.get(itemKey);
    const c = cand.get(itemKey);
    const item = {
      itemKey,
      language: (c ?? b)![0].language,
      baseline: meansByKey(b, keys),
      candidate: meansByKey(c, keys),
      baselineFailed: b?.some((r) => r.status === "failed") ?? false,
      candidateFailed: c?.some((r) => r.status === "failed") ?? false,
    };
    return { ...item, change: changeOf(item, b !== undefined, c !== undefined, keys) };
  });
  return items.sort((x, y) => CHANGE_RANK[x.change] - CHANGE_RANK[y.change] || compareStrings(x.itemKey, y.itemKey));
}

export function compareRuns(baseline: ResultForSummary[], candidate: ResultForSummary[], keys: ScoreKeyInfo[], options: BootstrapOptions = {}): RunComparison {
  const items = compareItems(baseline, candidate, keys);
  const counts: Record<ItemChange, number> = {
    regressed: 0, improved: 0, unchanged: 0, "newly-failed": 0, fixed: 0, "failed-both": 0, "only-baseline": 0, "only-candidate": 0,
  };
  for (const item of items) counts[item.change] += 1;
  return { metrics: keys.map((key) => compareMetric(baseline, candidate, key, options)), items, counts };
}
