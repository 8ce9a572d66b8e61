import { isScorerName, SCORERS } from "../scorers";
import { JUDGE_SCALE } from "../judge";
import type { StoredRunConfig } from "./schemas";
import type { ScoreKeyInfo } from "./types";

/** The run's score keys in display order: configured scorers, then the judge's dimensions. */
export function scoreKeysOf(config: StoredRunConfig): ScoreKeyInfo[] {
  const scorers: ScoreKeyInfo[] = config.scorers.map((s) => ({
    key: s.key,
    label: s.key === s.type && isScorerName(s.type) ? SCORERS[s.type].label : s.key,
    kind: "scorer",
    scale: { min: 0, max: 1 },
  }));
  const judge: ScoreKeyInfo[] = (config.judge?.rubric.dimensions ?? []).map((d) => ({
    key: `judge.${d.name}`,
    label: `Judge: ${d.name}`,
    kind: "judge",
    scale: { min: JUDGE_SCALE.min, max: JUDGE_SCALE.max },
  }));
  return [...scorers, ...judge];
}
