import { z } from "zod";
import { ZProjectSlug } from "../projects/schemas";
import { ZRubricDimensions } from "./rubric";
import { ZQueueSource } from "./sources";

// Rubrics (score configs) and labelling queues (issue 7). One schema validates the API body, the
// console's forms and the server actions.

export const ZProjectParam = z.object({ project: ZProjectSlug });
export const ZIdParam = ZProjectParam.extend({ id: z.string().min(1).max(64) });

const ZName = z.string().trim().min(1, "give it a name").max(80, "at most 80 characters");
const ZDescription = z.string().trim().max(1000, "at most 1000 characters").optional();
const ZGuidelines = z.string().trim().min(1, "write the guidelines reviewers read beside each item").max(20_000);
const ZChangelog = z.string().trim().min(1, "say what changed").max(500);

export const ZCreateScoreConfig = z.object({
  name: ZName,
  description: ZDescription,
  dimensions: ZRubricDimensions,
  guidelines: ZGuidelines,
  changelog: ZChangelog.optional(),
});
export type TCreateScoreConfig = z.infer<typeof ZCreateScoreConfig>;

export const ZCreateScoreConfigVersion = z.object({ dimensions: ZRubricDimensions, guidelines: ZGuidelines, changelog: ZChangelog });
export type TCreateScoreConfigVersion = z.infer<typeof ZCreateScoreConfigVersion>;

export const ZScoreConfigVersion = z.object({
  id: z.string(),
  version: z.number().int(),
  dimensions: ZRubricDimensions,
  guidelines: z.string(),
  changelog: z.string(),
  authorLabel: z.string(),
  createdAt: z.string(),
});
export type TScoreConfigVersion = z.infer<typeof ZScoreConfigVersion>;

export const ZScoreConfig = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  latestVersion: ZScoreConfigVersion,
  updatedAt: z.string(),
});
export type TScoreConfig = z.infer<typeof ZScoreConfig>;

export const ZScoreConfigDetail = ZScoreConfig.extend({ versions: z.array(ZScoreConfigVersion) });
export type TScoreConfigDetail = z.infer<typeof ZScoreConfigDetail>;

// ---------------------------------------------------------------------------------------------
// Queues

const ZAnnotators = z.number().int().min(1, "at least one annotator per item").max(5, "at most five annotators per item");
const ZThreshold = z.number().min(0, "zero or more").max(10);
const ZLockMinutes = z.number().int().min(1, "at least a minute").max(24 * 60, "at most a day");
const ZDueAt = z.iso.datetime({ offset: true, message: "a date and time (ISO 8601)" });
const ZAssignees = z.array(z.string().min(1).max(64)).max(100).refine((a) => new Set(a).size === a.length, "each person once");

export const ZCreateLabelQueue = z.object({
  name: ZName,
  description: ZDescription,
  scoreConfigVersionId: z.string().trim().min(1, "choose a rubric version").max(64),
  annotatorsPerItem: ZAnnotators,
  assigneeIds: ZAssignees.optional(),
  dueAt: ZDueAt.optional(),
  adjudicationThreshold: ZThreshold.optional(),
  lockMinutes: ZLockMinutes.optional(),
  source: ZQueueSource,
});
export type TCreateLabelQueue = z.infer<typeof ZCreateLabelQueue>;
export type TCreateLabelQueueInput = z.input<typeof ZCreateLabelQueue>;

// A queue's settings. The source's kind and run are fixed at creation; a repeating source's cadence,
// rate and cap may change.
export const ZUpdateLabelQueue = z
  .object({
    name: ZName.optional(),
    description: z.string().trim().max(1000).nullable().optional(),
    scoreConfigVersionId: z.string().trim().min(1).max(64).optional(),
    annotatorsPerItem: ZAnnotators.optional(),
    assigneeIds: ZAssignees.optional(),
    dueAt: ZDueAt.nullable().optional(),
    adjudicationThreshold: ZThreshold.optional(),
    lockMinutes: ZLockMinutes.optional(),
    cadenceMinutes: z.number().int("whole minutes").min(1, "at least every minute").max(7 * 24 * 60, "at most once a week").optional(),
    ratePercent: z.number().gt(0, "more than 0%").max(100, "at most 100%").optional(),
    maxPerRun: z.number().int("a whole number").min(1, "at least 1").max(1000, "at most 1000").optional(),
    archived: z.boolean().optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), "change at least one setting");
export type TUpdateLabelQueue = z.infer<typeof ZUpdateLabelQueue>;

export const ZListQueuesQuery = z.object({ archived: z.enum(["true", "false"]).default("false").transform((v) => v === "true") });

const ZCounts = z.object({ open: z.number().int(), needs_adjudication: z.number().int(), gold: z.number().int() });

export const ZLabelQueue = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  scoreConfigVersionId: z.string(),
  rubric: z.object({ scoreConfigId: z.string(), name: z.string(), version: z.number().int() }),
  annotatorsPerItem: z.number().int(),
  assignees: z.array(z.object({ id: z.string(), name: z.string() })),
  dueAt: z.string().nullable(),
  adjudicationThreshold: z.number(),
  lockMinutes: z.number().int(),
  source: ZQueueSource,
  nextSampleAt: z.string().nullable(),
  sampledUntil: z.string().nullable(),
  archivedAt: z.string().nullable(),
  authorLabel: z.string(),
  createdAt: z.string(),
  items: z.number().int(),
  counts: ZCounts,
});
export type TLabelQueue = z.infer<typeof ZLabelQueue>;
