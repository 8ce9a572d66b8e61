import { z } from "zod";
import { countTokens } from "@/lib/providers/tokens";
import { normaliseForComparison, truncate } from "../text";
import type { ScoreResult } from "../types";

// Checks with one right answer. Whitespace is folded by default because a trailing newline is never
// what a reviewer means by "different"; case and Arabic spelling variants are opt-in.

const ZTextNormalisation = {
  ignoreCase: z.boolean().default(false),
  collapseWhitespace: z.boolean().default(true),
  normaliseArabic: z.boolean().default(false),
};

function normaliser(config: { ignoreCase: boolean; collapseWhitespace: boolean; normaliseArabic: boolean }) {
  return (text: string) =>
    normaliseForComparison(text, { ignoreCase: config.ignoreCase, collapseWhitespace: config.collapseWhitespace, arabic: config.normaliseArabic });
}

export const ZExactMatchConfig = z.object(ZTextNormalisation).strict();
export type ExactMatchConfig = z.infer<typeof ZExactMatchConfig>;

export function scoreExactMatch(output: string, reference: string, config: ExactMatchConfig): ScoreResult {
  const norm = normaliser(config);
  const passed = norm(output) === norm(reference);
  return {
    score: passed ? 1 : 0,
    passed,
    explanation: passed ? "Matches the reference." : `Differs from the reference "${truncate(reference, 80)}".`,
  };
}

export const ZContainsConfig = z
  .object({
    values: z.array(z.string().min(1, "must not be empty")).min(1, "list at least one string"),
    mode: z.enum(["all", "any"]).default("all"),
    ...ZTextNormalisation,
    ignoreCase: z.boolean().default(true),
  })
  .strict();
export type ContainsConfig = z.infer<typeof ZContainsConfig>;

/** Mode "all" scores the share found (partial credit is informative); it passes only when all are present. */
export function scoreContains(output: string, config: ContainsConfig): ScoreResult {
  const norm = normaliser(config);
  const haystack = norm(output);
  const missing = config.values.filter((v) => !haystack.includes(norm(v)));
  const found = config.values.length - missing.length;
  if (config.mode === "any") {
    const passed = found > 0;
    return {
      score: passed ? 1 : 0,
      passed,
      explanation: passed ? `Contains ${found} of ${config.values.length} listed strings.` : `Contains none of: ${quoteList(config.values)}.`,
    };
  }
  const passed = missing.length === 0;
  return {
    score: found / config.values.length,
    passed,
    explanation: passed ? `Contains all ${found} listed strings.` : `Missing ${missing.length} of ${config.values.length}: ${quoteList(missing)}.`,
  };
}

function quoteList(values: string[]): string {
  const shown = values.slice(0, 5).map((v) => `"${truncate(v, 40)}"`);
  return values.length > 5 ? `${shown.join(", ")} and ${values.length - 5} more` : shown.join(", ");
}

export const ZRegexConfig = z
  .object({
    pattern: z.string().min(1, "enter a pattern"),
    flags: z.string().regex(/^[dgimsuvy]*$/, "only the flags d, g, i, m, s, u, v, y are allowed").default(""),
    /** false: the answer must NOT match (e.g. no leaked e-mail addresses). */
    shouldMatch: z.boolean().default(true),
  })
  .strict()
  .superRefine((config, ctx) => {
    try {
      new RegExp(config.pattern, config.flags);
    } catch (err) {
      ctx.addIssue({ code: "custom", path: ["pattern"], message: `not a valid regular expression: ${(err as Error).message}` });
    }
  });
export type RegexConfig = z.infer<typeof ZRegexConfig>;

export function scoreRegex(output: string, config: RegexConfig): ScoreResult {
  // A fresh RegExp per call: "g" and "y" make a shared instance stateful through lastIndex.
  const match = new RegExp(config.pattern, config.flags).exec(output);
  const passed = (match !== null) === config.shouldMatch;
  const shown = `/${truncate(config.pattern, 60)}/${config.flags}`;
  const explanation = match
    ? `Matches ${shown} at "${truncate(match[0], 60)}".`
    : `Does not match ${shown}.`;
  return { score: passed ? 1 : 0, passed, explanation };
}

export const ZLengthConfig = z
  .object({
    unit: z.enum(["chars", "tokens"]).default("chars"),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((c) => c.min !== undefined || c.max !== undefined, { message: "set min, max or both", path: ["max"] })
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { message: "must be at least min", path: ["max"] });
export type LengthConfig = z.infer<typeof ZLengthConfig>;

/** Characters are code points, so an Arabic letter or an emoji counts once; tokens are o200k_base. */
export function measureLength(text: string, unit: LengthConfig["unit"]): number {
  return unit === "tokens" ? countTokens(text) : [...text].length;
}

export function scoreLength(output: string, config: LengthConfig): ScoreResult {
  const length = measureLength(output, config.unit);
  const tooShort = config.min !== undefined && length < config.min;
  const tooLong = config.max !== undefined && length > config.max;
  const passed = !tooShort && !tooLong;
  const bounds = `${config.min ?? 0}–${config.max ?? "∞"} ${config.unit}`;
  const verdict = tooShort ? "too short" : tooLong ? "too long" : "within bounds";
  return { score: passed ? 1 : 0, passed, explanation: `${length} ${config.unit}, ${verdict} (${bounds}).` };
}

export const ZLatencyConfig = z.object({ maxMs: z.number().positive("must be greater than 0") }).strict();
export type LatencyConfig = z.infer<typeof ZLatencyConfig>;

export function scoreLatency(latencyMs: number, config: LatencyConfig): ScoreResult {
  const passed = latencyMs <= config.maxMs;
  return { score: passed ? 1 : 0, passed, explanation: `${Math.round(latencyMs)} ms ${passed ? "≤" : ">"} ${config.maxMs} ms.` };
}

export const ZCostConfig = z.object({ maxUsd: z.number().positive("must be greater than 0") }).strict();
export type CostConfig = z.infer<typeof ZCostConfig>;

export function scoreCost(costUsd: number, config: CostConfig): ScoreResult {
  const passed = costUsd <= config.maxUsd;
  return { score: passed ? 1 : 0, passed, explanation: `$${formatUsd(costUsd)} ${passed ? "≤" : ">"} $${formatUsd(config.maxUsd)}.` };
}

function formatUsd(value: number): string {
  return value >= 0.01 ? value.toFixed(4) : value.toPrecision(3);
}
