import { z } from "zod";

// The shared vocabulary of human review (issue 7): a rubric version's dimensions and what a label on
// them may hold. Every label (a reviewer's, an adjudicator's) passes validateLabelScores before it is
// stored, so a score outside the scale is a 4xx and never a row.

const dimensionName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "lowercase letters, digits and _ (start with a letter, at most 40)");

const guidelines = z.string().trim().min(1, "write guidelines: what each score means").max(4000);

export const ZScaleDimension = z
  .object({
    name: dimensionName,
    kind: z.literal("scale"),
    min: z.number().int().min(0).max(10),
    max: z.number().int().min(1).max(10),
    guidelines,
  })
  .refine((d) => d.max > d.min, { message: "max must be above min", path: ["max"] });

export const ZCategoricalDimension = z.object({
  name: dimensionName,
  kind: z.literal("categorical"),
  categories: z
    .array(z.string().trim().min(1).max(60))
    .min(2, "at least two categories")
    .max(9, "at most nine categories (one digit key each)")
    .refine((c) => new Set(c).size === c.length, "categories must be unique"),
  guidelines,
});

export const ZBooleanDimension = z.object({ name: dimensionName, kind: z.literal("boolean"), guidelines });

export const ZRubricDimension = z.discriminatedUnion("kind", [ZScaleDimension, ZCategoricalDimension, ZBooleanDimension]);
export type RubricDimension = z.infer<typeof ZRubricDimension>;

export const ZRubricDimensions = z
  .array(ZRubricDimension)
  .min(1, "add at least one dimension")
  .max(12, "at most 12 dimensions")
  .refine((dims) => new Set(dims.map((d) => d.name)).size === dims.length, "dimension names must be unique");

/** A label's value on one dimension: a number on a scale, a category, or a boolean. */
export type LabelValue = number | string | boolean;
export type LabelScores = Record<string, LabelValue>;

/** The gold label stored on an item (LabelItem.gold). */
export interface GoldLabel {
  scores: LabelScores;
  correction?: string | null;
  tags: string[];
}

/**
 * Checks a label against the rubric version. Every dimension must be scored unless `partial` (a draft);
 * returns the reason for the first problem, or null when the label is valid.
 */
export function labelScoresProblem(dims: RubricDimension[], scores: Record<string, unknown>, partial = false): string | null {
  const known = new Set(dims.map((d) => d.name));
  for (const key of Object.keys(scores)) if (!known.has(key)) return `"${key}" is not a dimension of this rubric`;
  for (const d of dims) {
    const v = scores[d.name];
    if (v === undefined || v === null) {
      if (partial) continue;
      return `score "${d.name}"`;
    }
    if (d.kind === "scale") {
      if (typeof v !== "number" || !Number.isInteger(v) || v < d.min || v > d.max) return `"${d.name}" must be a whole number from ${d.min} to ${d.max}`;
    } else if (d.kind === "categorical") {
      if (typeof v !== "string" || !d.categories.includes(v)) return `"${d.name}" must be one of ${d.categories.join(", ")}`;
    } else if (typeof v !== "boolean") {
      return `"${d.name}" must be true or false`;
    }
  }
  return null;
}

/** Parses stored dimensions (ScoreConfigVersion.dimensions). */
export function parseDimensions(json: unknown): RubricDimension[] {
  return ZRubricDimensions.parse(json);
}

/** The agreement metric that fits a dimension: distances on a scale, identity on categories. */
export function agreementMetricOf(d: RubricDimension): "interval" | "nominal" {
  return d.kind === "scale" ? "interval" : "nominal";
}
