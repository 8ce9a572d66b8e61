import { z } from "zod";
import { ZProjectSlug } from "../projects/schemas";
import { ZDatasetName, ZDatasetTag } from "../datasets/schemas";

// Labelling (issue 7): what reviewers and adjudicators send, and what the API answers. Scores are
// checked against the queue's rubric version by labelScoresProblem (rubric.ts), so the rule lives once.

const storable = (s: string) => s.isWellFormed() && !s.includes("\u0000");
const ZId = z.string().trim().min(1).max(64);

export const ZLabelBody = z
  .object({
    scores: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).describe("dimension → value: a whole number on a scale, a category, or true/false"),
    correction: z.string().max(100_000, "at most 100,000 characters").refine(storable, "must not contain NUL characters or broken Unicode").nullable().optional()
      .describe("The corrected answer; becomes the reference when gold labels are exported"),
    // the dataset's tag rule, so an exported gold item's tags are always valid dataset tags
    tags: z.array(ZDatasetTag).max(20, "at most 20 tags").default([]),
  })
  .strict();
export type TLabelBody = z.output<typeof ZLabelBody>;
export type TLabelBodyInput = z.input<typeof ZLabelBody>;

export const ZExportGold = z
  .object({
    dataset: z.union([
      z.object({ name: ZDatasetName }).strict().describe("a new dataset of this name"),
      z.object({ id: ZId }).strict().describe("a new version of this existing dataset"),
    ]),
    changelog: z.string().trim().max(2000).optional(),
  })
  .strict();
export type TExportGold = z.output<typeof ZExportGold>;

export const ZProjectParam = z.object({ project: ZProjectSlug });
export const ZQueueParam = ZProjectParam.extend({ id: ZId });
export const ZSlotParam = ZProjectParam.extend({ slotId: ZId });
export const ZItemParam = ZProjectParam.extend({ itemId: ZId });

const ZLabelValue = z.union([z.number(), z.string(), z.boolean()]);
const ZGold = z.object({ scores: z.record(z.string(), ZLabelValue), correction: z.string().nullable().optional(), tags: z.array(z.string()) });

export const ZLabelItemView = z.object({
  id: z.string(),
  position: z.number().int(),
  status: z.enum(["open", "needs_adjudication", "gold"]),
  sourceKind: z.string(),
  sourceId: z.string(),
  input: z.string(),
  context: z.array(z.object({ text: z.string(), docId: z.string().optional() })).nullable(),
  output: z.string(),
  reference: z.string().nullable(),
  language: z.string(),
  stratum: z.string().nullable(),
  gold: ZGold.nullable(),
  goldSource: z.string().nullable(),
});
export type TLabelItemView = z.infer<typeof ZLabelItemView>;

export const ZSlotView = z.object({
  id: z.string(),
  status: z.enum(["open", "claimed", "submitted"]),
  expiresAt: z.string().nullable(),
  scores: z.record(z.string(), ZLabelValue).nullable(),
  correction: z.string().nullable(),
  tags: z.array(z.string()),
  submittedAt: z.string().nullable(),
});
export type TSlotView = z.infer<typeof ZSlotView>;

export const ZClaimResult = z.object({ slot: ZSlotView.nullable(), item: ZLabelItemView.optional() });
export type TClaimResult = z.infer<typeof ZClaimResult>;

export const ZSubmitResult = z.object({
  slot: ZSlotView,
  item: z.object({ id: z.string(), status: z.enum(["open", "needs_adjudication", "gold"]), goldSource: z.string().nullable() }),
});
export type TSubmitResult = z.infer<typeof ZSubmitResult>;

export const ZAdjudicationResult = z.object({ id: z.string(), status: z.literal("gold"), gold: ZGold, goldSource: z.literal("adjudication") });

export const ZAgreement = z.object({
  dimension: z.string(),
  metric: z.enum(["nominal", "interval", "ordinal"]),
  alpha: z.number().nullable().describe("Krippendorff's alpha; null when nothing is pairable or every value is the same"),
  units: z.number().int().describe("items with at least two submitted labels"),
  values: z.number().int().describe("labels in those items"),
});
export type TAgreement = z.infer<typeof ZAgreement>;

export const ZAssigneeProgress = z.object({
  userId: z.string(),
  label: z.string(),
  submitted: z.number().int(),
  claimedNow: z.number().int(),
  skipped: z.number().int(),
});

export const ZQueueProgress = z.object({
  items: z.object({ total: z.number().int(), open: z.number().int(), needsAdjudication: z.number().int(), gold: z.number().int() }),
  slots: z.object({ total: z.number().int(), submitted: z.number().int(), claimedNow: z.number().int() }),
  assignees: z.array(ZAssigneeProgress),
});
export type TQueueProgress = z.infer<typeof ZQueueProgress>;

export const ZExportResult = z.object({ datasetId: z.string(), name: z.string(), version: z.number().int().nullable(), items: z.number().int(), unchanged: z.boolean() });
export type TExportResult = z.infer<typeof ZExportResult>;
