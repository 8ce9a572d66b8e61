import { z } from "zod";

// User feedback on a trace (issue 7, "Feedback API"): what an application's end users said about an
// answer. One schema validates POST /api/v1/feedback and the SDK's feedback() (lib/sdk/types.ts
// mirrors it; types.test.ts keeps them equal).

/** A request body is one small JSON object; this keeps a flood of large bodies cheap to refuse. */
export const MAX_FEEDBACK_BODY_BYTES = 64 * 1024;
export const MAX_COMMENT_CHARS = 4_000;
export const MAX_CORRECTION_CHARS = 20_000;

const ZThumbs = z.object({ thumbs: z.enum(["up", "down"], "must be up or down") }).strict();

const ZScore = z
  .object({
    score: z.number("must be a number").finite(),
    min: z.number("must be a number").finite().default(1),
    max: z.number("must be a number").finite().default(5),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.min >= v.max) ctx.addIssue({ code: "custom", path: ["max"], message: `must be greater than min (${v.min})` });
    else if (v.score < v.min || v.score > v.max) ctx.addIssue({ code: "custom", path: ["score"], message: `must be between ${v.min} and ${v.max}` });
  });

export const ZFeedbackValue = z
  .union([ZThumbs, ZScore], "must be {thumbs: \"up\" | \"down\"} or {score, min?, max?}")
  .describe("Thumbs up/down, or a score on a scale (min 1 and max 5 unless given)");
export type TFeedbackValue = z.output<typeof ZFeedbackValue>;

const ZText = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max.toLocaleString("en")} characters`);

export const ZCreateFeedback = z
  .object({
    traceId: z.string().min(1).max(128).describe("The traceId the application sent with the trace"),
    value: ZFeedbackValue,
    comment: ZText(MAX_COMMENT_CHARS).optional().describe("What the user said; personal data is scrubbed before it is stored"),
    correction: ZText(MAX_CORRECTION_CHARS).optional().describe("The answer the user expected; scrubbed like the comment"),
    sourceId: z.string().trim().min(1).max(128).optional()
      .describe("Who gave it (e.g. a hash of your end-user id, or a widget id). One feedback per trace and source: sending again replaces it. Default: the API key (or signed-in person)"),
  })
  .strict();
export type TCreateFeedback = z.input<typeof ZCreateFeedback>;
export type TCreateFeedbackParsed = z.output<typeof ZCreateFeedback>;

export const ZFeedback = z.object({
  id: z.string(),
  traceId: z.string(),
  sourceId: z.string(),
  value: z.union([
    z.object({ thumbs: z.enum(["up", "down"]) }),
    z.object({ score: z.number(), min: z.number(), max: z.number() }),
  ]),
  negative: z.boolean().describe("Thumbs down, or a score below the middle of its scale"),
  comment: z.string().nullable(),
  correction: z.string().nullable(),
  environment: z.string().nullable(),
  releaseId: z.string().nullable(),
  variant: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TFeedback = z.infer<typeof ZFeedback>;

/** Thumbs down, or a score strictly below the middle of its scale (3 of 1–5 is neutral, not negative). */
export function isNegative(value: TFeedbackValue): boolean {
  if ("thumbs" in value) return value.thumbs === "down";
  return value.score < (value.min + value.max) / 2;
}
