import { z } from "zod";

// Where a labelling queue's items come from (LabelQueue.source). Eval run sources add their items once,
// when the queue is created; traces and feedback sources repeat: the `label.sample` job adds what
// arrived since the last sample, every `cadenceMinutes`.

const cadenceMinutes = z.number().int().min(1, "at least every minute").max(7 * 24 * 60, "at most once a week");
const maxPerRun = z.number().int().min(1).max(1000);

export const ZEvalRunSource = z.object({
  kind: z.literal("eval_run"),
  runId: z.string().min(1),
  // all items; a seeded random sample; the judge's lowest-confidence items (repeats disagreeing, scores at
  // the pass threshold); the items where the judge and the heuristic scorers disagree most
  mode: z.enum(["all", "sample", "low_confidence", "disagreement"]),
  // how many items, for every mode but "all"
  size: z.number().int().min(1).max(5000).optional(),
  seed: z.number().int().optional(),
});

export const TRACE_STRATA = ["language", "score_bucket"] as const;

export const ZTracesSource = z.object({
  kind: z.literal("traces"),
  // share of new traces taken from each stratum (at least one per non-empty stratum)
  ratePercent: z.number().gt(0).max(100),
  // what strata are made of: the trace's language; its score bucket (until monitoring adds online
  // judge scores and topic clusters, the bucket of its user feedback: negative, positive, none)
  strata: z.array(z.enum(TRACE_STRATA)).max(TRACE_STRATA.length).default(["language", "score_bucket"]),
  environment: z.string().min(1).optional(),
  cadenceMinutes,
  maxPerRun: maxPerRun.default(50),
});

export const ZFeedbackSource = z.object({
  kind: z.literal("feedback"),
  // traces with negative user feedback (thumbs down, a score in the lower half of its scale)
  cadenceMinutes,
  maxPerRun: maxPerRun.default(50),
});

export const ZQueueSource = z.discriminatedUnion("kind", [ZEvalRunSource, ZTracesSource, ZFeedbackSource]);
export type QueueSource = z.output<typeof ZQueueSource>;
export type QueueSourceInput = z.input<typeof ZQueueSource>;

export function isRepeatingSource(s: QueueSource): s is Extract<QueueSource, { kind: "traces" | "feedback" }> {
  return s.kind !== "eval_run";
}
