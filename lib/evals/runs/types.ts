import type { Interval, LanguageParity, PairedDifference, PassRate } from "../stats";

// The shapes a run's results are summarised and compared in (issue 4, "Results"). Shared by the
// executor (which writes ScoreEntry), the summary/compare logic, the API and the console.

/** One score of one result. A failed scorer has `error` and no score: it is never counted as zero. */
export interface ScoreEntry {
  /** 0..1 (judge dimensions: (raw − 1) / 4). */
  score?: number;
  /** The judge's 1..5 score. */
  raw?: number;
  passed?: boolean;
  explanation?: string;
  error?: string;
}

/** What a score key is: a configured scorer ("exact-match", "tone-regex") or a judge dimension ("judge.faithfulness"). */
export interface ScoreKeyInfo {
  key: string;
  label: string;
  kind: "scorer" | "judge";
  /** Summaries report judge dimensions on the rubric's 1..5 scale (mean of `raw`), scorers on 0..1 (mean of `score`). */
  scale: { min: number; max: number };
}

export interface ResultForSummary {
  itemKey: string;
  language: string;
  repeat: number;
  status: "ok" | "failed";
  latencyMs: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  judgeInputTokens: number;
  judgeOutputTokens: number;
  judgeCostUsd: number;
  scores: Record<string, ScoreEntry>;
}

export interface MetricSummary extends ScoreKeyInfo {
  /** Mean on the key's scale with a bootstrap 95% interval; null when nothing was scored. */
  mean: Interval | null;
  passRate: PassRate | null;
  /** Results whose scorer failed for this key (not counted in the mean). */
  errors: number;
}

export interface GroupSummary {
  /** Result rows (items × repeats) in the group. */
  results: number;
  failed: number;
  metrics: MetricSummary[];
  latencyMs: { p50: number | null; p95: number | null };
  tokens: { input: number; output: number; judgeInput: number; judgeOutput: number };
  /** USD. perItem is the candidate's cost per result; judge cost is reported apart. */
  cost: { total: number; candidate: number; judge: number; perItem: number | null };
}

export interface DistributionBucket {
  /** Lower edge on the key's scale; judge keys bucket by integer score 1..5, scorers by tenths. */
  from: number;
  to: number;
  count: number;
}

export interface RunSummary {
  overall: GroupSummary;
  /** By primary language tag ("en", "ar", …), sorted by tag. */
  byLanguage: Record<string, GroupSummary>;
  /** English − Arabic per key, on the key's scale; null when either language has no scores. */
  parity: Record<string, LanguageParity | null>;
  distributions: Record<string, DistributionBucket[]>;
}

export type ItemChange = "regressed" | "improved" | "unchanged" | "newly-failed" | "fixed" | "failed-both" | "only-baseline" | "only-candidate";

export interface ComparedItem {
  itemKey: string;
  language: string;
  /** Per key: the item's mean over repeats on the key's scale, or null. */
  baseline: Record<string, number | null>;
  candidate: Record<string, number | null>;
  baselineFailed: boolean;
  candidateFailed: boolean;
  change: ItemChange;
}

export interface ComparedMetric extends ScoreKeyInfo {
  baselineMean: number | null;
  candidateMean: number | null;
  /** Candidate − baseline, paired by item key, with a bootstrap 95% interval. */
  difference: PairedDifference | null;
  /** regression: the whole interval is below 0; improvement: above 0. */
  verdict: "regression" | "improvement" | "no-change" | "not-comparable";
}

export interface RunComparison {
  metrics: ComparedMetric[];
  items: ComparedItem[];
  counts: Record<ItemChange, number>;
}
