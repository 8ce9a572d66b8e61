import type { ResultForSummary, ScoreEntry, ScoreKeyInfo } from "./types";

// Result rows for the summary and comparison unit tests.

export const EXACT: ScoreKeyInfo = { key: "exact-match", label: "Exact match", kind: "scorer", scale: { min: 0, max: 1 } };
export const FAITH: ScoreKeyInfo = { key: "judge.faithfulness", label: "Judge: faithfulness", kind: "judge", scale: { min: 1, max: 5 } };

/** A judge entry as the executor writes it: raw 1..5 and score (raw − 1) / 4. */
export const judged = (raw: number): ScoreEntry => ({ raw, score: (raw - 1) / 4 });

export function row(itemKey: string, scores: Record<string, ScoreEntry>, extra: Partial<ResultForSummary> = {}): ResultForSummary {
  return {
    itemKey, language: "en", repeat: 0, status: "ok", latencyMs: null,
    inputTokens: 0, outputTokens: 0, costUsd: 0, judgeInputTokens: 0, judgeOutputTokens: 0, judgeCostUsd: 0,
    scores, ...extra,
  };
}
