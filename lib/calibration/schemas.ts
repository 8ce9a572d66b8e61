import { z } from "zod";
import { ZProjectParam } from "../releases/schemas";

// The calibration API's shapes (GET /judges/calibration) and the project's calibration settings, shared
// by the route, the settings form's server action and the page.

export { ZProjectParam };

/** Bounds: a kappa threshold is a kappa (0–1); fewer than 5 labels cannot say anything about a judge. */
export const ZCalibrationSettings = z
  .object({
    calibrationKappaThreshold: z.coerce.number({ error: "a number from 0 to 1" }).min(0, "at least 0").max(1, "at most 1"),
    calibrationMinSample: z.coerce.number({ error: "a whole number" }).int("a whole number").min(5, "at least 5 labels").max(100_000, "at most 100,000"),
  })
  .strict();
export type TCalibrationSettings = z.infer<typeof ZCalibrationSettings>;

const ZInterval = z.object({ estimate: z.number(), low: z.number(), high: z.number(), n: z.number().int() });

export const ZDimensionCalibration = z.object({
  dimension: z.string(),
  /** Gold labels paired with a judge score on this dimension. */
  n: z.number().int(),
  kappa: z.number().nullable(),
  kappaInterval: ZInterval.nullable(),
  spearman: z.number().nullable(),
  meanAbsoluteError: z.number().nullable(),
  verbosityBias: z.object({ bias: z.number(), judge: z.number(), human: z.number() }).nullable(),
  /** rows: the human score, columns: the judge's, over `values`. */
  confusion: z.object({ values: z.array(z.number()), counts: z.array(z.array(z.number().int())) }),
  calibrated: z.boolean(),
  /** Why not, in words a person can act on; null when calibrated. */
  reason: z.string().nullable(),
});
export type TDimensionCalibration = z.infer<typeof ZDimensionCalibration>;

export const ZJudgeCalibration = z.object({
  judgeModelVersionId: z.string(),
  judgePromptVersionId: z.string(),
  /** the model version's display name */
  model: z.string(),
  providerModelId: z.string(),
  prompt: z.object({ name: z.string(), version: z.number().int() }),
  calibrated: z.boolean(),
  dimensions: z.array(ZDimensionCalibration),
});
export type TJudgeCalibration = z.infer<typeof ZJudgeCalibration>;

export const ZCalibrationReport = z.object({
  kappaThreshold: z.number(),
  minSample: z.number().int(),
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  judges: z.array(ZJudgeCalibration),
});
export type TCalibrationReport = z.infer<typeof ZCalibrationReport>;
