import type { GoldLabel, LabelScores, LabelValue, RubricDimension } from "./rubric";

// What an item's labels add up to once every slot is submitted (issue 7, "Agreement, adjudication and
// golden sets"). Pure, so the rule a reviewer is held to can be read and tested in one place.
//
// - Scale dimensions agree when max − min ≤ the queue's threshold; the gold score is the median,
//   rounded to a whole number (half rounds up: 3 and 4 give 4), so gold always sits on the scale.
// - Categorical and boolean dimensions agree only when every annotator gave the same value.
// - The corrected answer: the earliest submitted non-empty correction. Later ones are not merged
//   (two rewrites of one answer do not combine into a sensible third); the adjudicator sees all of them
//   when the item is disputed anyway.
// - Tags: the union, sorted.

export interface SubmittedLabel {
  userId: string;
  scores: LabelScores;
  correction?: string | null;
  tags: string[];
  submittedAt: Date;
}

export type LabelOutcome =
  | { kind: "gold"; source: "single" | "consensus"; gold: GoldLabel }
  | { kind: "needs_adjudication"; disagreements: Disagreement[]; suggestion: GoldLabel };

export interface Disagreement {
  dimension: string;
  values: LabelValue[];
  reason: string;
}

/** The median, rounded half up to a whole number. */
export function roundedMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(median);
}

/** The most frequent value; a tie goes to the value given first (labels in submission order). */
function mode(values: LabelValue[]): LabelValue {
  const counts = new Map<LabelValue, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0];
  for (const v of values) if (counts.get(v)! > counts.get(best)!) best = v;
  return best;
}

function inOrder(labels: SubmittedLabel[]): SubmittedLabel[] {
  return [...labels].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

/**
 * The label consensus would give: median on scales, the most frequent value elsewhere, the earliest
 * correction, every tag. It is the gold label when the annotators agree and the adjudicator's starting
 * point when they do not.
 */
export function consensusLabel(dims: RubricDimension[], labels: SubmittedLabel[]): GoldLabel {
  const ordered = inOrder(labels);
  const scores: LabelScores = {};
  for (const d of dims) {
    const values = ordered.map((l) => l.scores[d.name]).filter((v) => v !== undefined && v !== null);
    if (!values.length) continue;
    scores[d.name] = d.kind === "scale" ? roundedMedian(values as number[]) : mode(values);
  }
  const correction = ordered.map((l) => l.correction?.trim()).find((c) => !!c) ?? null;
  const tags = [...new Set(ordered.flatMap((l) => l.tags))].sort();
  return { scores, correction, tags };
}

/** Where the labels differ beyond what the queue tolerates, one entry per dimension. */
export function disagreementsOf(dims: RubricDimension[], threshold: number, labels: SubmittedLabel[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const d of dims) {
    const values = inOrder(labels).map((l) => l.scores[d.name]).filter((v) => v !== undefined && v !== null);
    if (values.length < 2) continue;
    if (d.kind === "scale") {
      const nums = values as number[];
      const spread = Math.max(...nums) - Math.min(...nums);
      if (spread > threshold) out.push({ dimension: d.name, values, reason: `scores ${nums.join(", ")} differ by ${spread} (more than ${threshold})` });
    } else if (new Set(values).size > 1) {
      out.push({ dimension: d.name, values, reason: `labels differ: ${values.map(String).join(", ")}` });
    }
  }
  return out;
}

/** The outcome of an item whose every slot is submitted. */
export function decideOutcome(dims: RubricDimension[], threshold: number, labels: SubmittedLabel[]): LabelOutcome {
  if (labels.length === 0) throw new Error("decideOutcome needs at least one label");
  const suggestion = consensusLabel(dims, labels);
  if (labels.length === 1) return { kind: "gold", source: "single", gold: suggestion };
  const disagreements = disagreementsOf(dims, threshold, labels);
  return disagreements.length ? { kind: "needs_adjudication", disagreements, suggestion } : { kind: "gold", source: "consensus", gold: suggestion };
}
