import { z } from "zod";
import { ZProjectSlug } from "../../projects/schemas";
import { ZDatasetName } from "../../datasets/schemas";
import { ZRubric } from "../judge";
import { SCORER_NAMES } from "../scorers";

// Eval runs (issue 4, "Runs" and "Interfaces"). One schema validates the API body, the console's
// form and the CLI's request.

export const MAX_REPEATS = 10;
// Beyond this many item × repeat slots a run belongs in a batch job of its own, not the console.
export const MAX_SLOTS = 100_000;
export const RUN_STATUSES = ["queued", "running", "completed", "failed", "cancelled", "stopped"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const ACTIVE_STATUSES: readonly RunStatus[] = ["queued", "running"];

const ZScoreKey = z.string().trim().regex(/^[a-z][a-z0-9_-]{0,39}$/, "lowercase letters, digits, '_' and '-', starting with a letter, at most 40");

export const ZScorerSpec = z
  .object({
    type: z.enum(SCORER_NAMES as [string, ...string[]], `a scorer type: ${SCORER_NAMES.join(", ")}`),
    /** Names the score in summaries; defaults to the type. Two scorers of one type need different keys. */
    key: ZScoreKey.optional(),
    config: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type TScorerSpec = z.output<typeof ZScorerSpec>;

const ZPromptRef = z.object({
  name: z.string().trim().min(1, "name the prompt"),
  /** Defaults to the latest version. */
  version: z.number().int().min(1).optional(),
});

export const ZJudgeSpec = z
  .object({
    prompt: ZPromptRef.describe("A registry prompt used as the judge prompt (e.g. judge-default)").strict(),
    modelVersionId: z.string().min(1, "choose the judge's model version"),
    rubric: ZRubric.optional().describe("Defaults to faithfulness, relevance and completeness"),
    /** A dimension passes at this 1..5 score or above. */
    passAt: z.number().int().min(1).max(5).default(4),
  })
  .strict();
export type TJudgeSpec = z.output<typeof ZJudgeSpec>;

export const ZCreateEvalRun = z
  .object({
    name: z.string().trim().max(120).optional(),
    dataset: ZDatasetName,
    /** Defaults to the latest version. */
    datasetVersion: z.number().int().min(1).optional(),
    prompt: ZPromptRef.strict(),
    /** Defaults to the model version the prompt version names. */
    modelVersionId: z.string().min(1).optional(),
    retrieval: z.object({ config: z.string().trim().min(1), version: z.number().int().min(1).optional() }).strict().optional(),
    scorers: z.array(ZScorerSpec).max(20, "at most 20 scorers").default([]),
    judge: ZJudgeSpec.optional(),
    repeats: z.number().int().min(1).max(MAX_REPEATS, `at most ${MAX_REPEATS} repeats`).default(1),
    costCapUsd: z.number().positive("the cost cap must be above 0").max(100_000).optional(),
    baselineRunId: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.scorers.length === 0 && !v.judge) ctx.addIssue({ code: "custom", path: ["scorers"], message: "choose at least one scorer or a judge" });
    const seen = new Set<string>();
    v.scorers.forEach((s, i) => {
      const key = s.key ?? s.type;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["scorers", i, "key"], message: `two scorers are named "${key}"; give one a key` });
      seen.add(key);
    });
  });
export type TCreateEvalRun = z.output<typeof ZCreateEvalRun>;
export type TCreateEvalRunInput = z.input<typeof ZCreateEvalRun>;

/** What a run stores in its config column (validated scorer configs, resolved keys). */
export interface StoredRunConfig {
  scorers: { key: string; type: string; config: unknown }[];
  judge?: { rubric: z.output<typeof ZRubric>; passAt: number };
}

export const ZProjectParam = z.object({ project: ZProjectSlug });
export const ZRunParam = ZProjectParam.extend({ id: z.string().min(1).max(64) });
export const ZListRunsQuery = z.object({
  dataset: ZDatasetName.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZRunResultsQuery = z.object({
  status: z.enum(["ok", "failed"]).optional(),
  language: z.string().trim().max(20).optional(),
  cursor: z.coerce.number().int().min(-1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const ZCompareQuery = z.object({ baseline: z.string().min(1).max(64) });

export const ZRunProgress = z.object({
  done: z.number().int(),
  total: z.number().int(),
  failed: z.number().int(),
  costUsd: z.number().describe("Candidate plus judge, so far"),
  elapsedMs: z.number().int().nullable(),
  etaMs: z.number().int().nullable().describe("From the pace so far; null until something is done"),
});

export const ZEvalRunSummaryRow = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(RUN_STATUSES),
  dataset: z.object({ name: z.string(), version: z.number().int() }),
  prompt: z.object({ name: z.string(), version: z.number().int() }),
  model: z.object({ id: z.string(), displayName: z.string() }),
  retrieval: z.object({ config: z.string(), version: z.number().int() }).nullable(),
  judge: z.object({ prompt: z.string(), version: z.number().int(), model: z.string(), modelVersionId: z.string() }).nullable(),
  repeats: z.number().int(),
  costCapUsd: z.number().nullable(),
  baselineRunId: z.string().nullable(),
  stopReason: z.string().nullable(),
  error: z.string().nullable(),
  authorLabel: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  progress: ZRunProgress,
  metrics: z
    .array(z.object({
      key: z.string(), label: z.string(), kind: z.enum(["scorer", "judge"]), scale: z.object({ min: z.number(), max: z.number() }), mean: z.number().nullable(),
    }))
    .nullable()
    .describe("Overall mean per score key once the run has ended (judge dimensions 1–5, scorers 0–1); null before"),
});
export type TEvalRunSummaryRow = z.infer<typeof ZEvalRunSummaryRow>;

export const ZEvalRunDetail = ZEvalRunSummaryRow.extend({
  config: z.object({
    scorers: z.array(z.object({ key: z.string(), type: z.string(), config: z.unknown() })),
    judge: z.object({ rubric: ZRubric, passAt: z.number().int() }).optional(),
  }),
  summary: z.unknown().nullable().describe("RunSummary: overall and per-language metrics (mean with bootstrap 95% interval, pass rate), latency, tokens, cost, language parity"),
});
export type TEvalRunDetail = z.infer<typeof ZEvalRunDetail>;

export const ZScoreEntry = z.object({
  score: z.number().optional(), raw: z.number().optional(), passed: z.boolean().optional(), explanation: z.string().optional(), error: z.string().optional(),
});

export const ZEvalResult = z.object({
  id: z.string(),
  itemKey: z.string(),
  itemPosition: z.number().int(),
  language: z.string(),
  repeat: z.number().int(),
  status: z.enum(["ok", "failed"]),
  errorStage: z.string().nullable(),
  error: z.string().nullable(),
  output: z.string().nullable(),
  latencyMs: z.number().int().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  judgeInputTokens: z.number().int(),
  judgeOutputTokens: z.number().int(),
  judgeCostUsd: z.number(),
  scores: z.record(z.string(), ZScoreEntry),
});
export type TEvalResult = z.infer<typeof ZEvalResult>;

export const ZEvalResultDetail = ZEvalResult.extend({
  inputs: z.record(z.string(), z.unknown()),
  reference: z.string().nullable(),
  messages: z.array(z.object({ role: z.string(), content: z.string() })).nullable(),
  context: z.array(z.object({ text: z.string(), docId: z.string().optional() })).nullable(),
  retrievedDocIds: z.array(z.string()),
  relevantDocIds: z.array(z.string()),
  judgeLatencyMs: z.number().int().nullable(),
  judgeRaw: z.string().nullable(),
});
export type TEvalResultDetail = z.infer<typeof ZEvalResultDetail>;

export const ZEvalResultsPage = z.object({ results: z.array(ZEvalResult), nextCursor: z.number().int().nullable() });
