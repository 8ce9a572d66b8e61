import { env } from "../env";
import { AppError } from "../errors";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import type { Feedback } from "../generated/prisma/client";
import { scrubPii } from "../guard/pii";
import { hashEndUser } from "../traces/scrub";
import { traceSettings } from "../traces/settings";
import { findTraceForFeedback, listTraceFeedback, upsertFeedback } from "./repo";
import { isNegative, type TCreateFeedbackParsed, type TFeedback } from "./schemas";

// Recording end-user feedback (POST /api/v1/feedback). Feedback is high-volume end-user data, not a
// change to anything anyone configured, so no audit event is written per feedback (the audit log
// would drown in it); the row itself records who sent it. Its text is never logged.

/** A trace shows at most this many feedbacks (newest first); a widget that collects more is summarised by the list's counts. */
export const MAX_TRACE_FEEDBACK = 100;

/** Free text is scrubbed like span text; a text the scrubber fails on follows the project's fail-closed setting. */
function scrubText(text: string | undefined, failClosed: boolean): string | null {
  if (text === undefined) return null;
  try {
    return scrubPii(text).text;
  } catch {
    // the error itself is not logged: its message could quote the text
    return failClosed ? null : text;
  }
}

/**
 * The client names the source; an id that is itself personal data (an e-mail address) is kept only as
 * a keyed hash, which still identifies the same source next time, so idempotency holds.
 */
function storedSourceId(sourceId: string): string {
  let personal = true;
  try {
    personal = scrubPii(sourceId).found.length > 0;
  } catch {
    // a scrubber failure on an id: hash it rather than risk storing it
  }
  return personal ? `hash:${hashEndUser(sourceId, Buffer.from(env().SECRETS_KEY, "base64")).slice(0, 32)}` : sourceId;
}

export function presentFeedback(f: Feedback): TFeedback {
  return {
    id: f.id, traceId: f.traceId, sourceId: f.sourceId,
    value: f.kind === "thumbs" ? { thumbs: f.value >= 1 ? "up" : "down" } : { score: f.value, min: f.scaleMin ?? 1, max: f.scaleMax ?? 5 },
    negative: f.negative, comment: f.comment, correction: f.correction,
    environment: f.environment, releaseId: f.releaseId, variant: f.variant,
    createdAt: f.createdAt.toISOString(), updatedAt: f.updatedAt.toISOString(),
  };
}

/** Creates or replaces the feedback of one source on one trace; `created` tells which (201 or 200). */
export async function recordFeedback(principal: Principal, input: TCreateFeedbackParsed): Promise<{ feedback: TFeedback; created: boolean }> {
  assertCan(principal, "feedback:write");
  const projectId = principal.projectId;
  const trace = await findTraceForFeedback(projectId, input.traceId);
  if (!trace) {
    throw new AppError(
      "NOT_FOUND",
      `No trace "${input.traceId}" in this project. A trace is stored a few seconds after it is sent: retry shortly (the SDK's feedback() does), and check that the trace was sent with this project's key.`,
    );
  }
  const { scrubFailClosed } = await traceSettings(projectId);
  const actor = auditActor(principal);
  const v = input.value;
  const { row, created } = await upsertFeedback({
    projectId, traceId: input.traceId,
    sourceId: storedSourceId(input.sourceId ?? actor.actorId),
    kind: "thumbs" in v ? "thumbs" : "score",
    value: "thumbs" in v ? (v.thumbs === "up" ? 1 : 0) : v.score,
    scaleMin: "thumbs" in v ? null : v.min,
    scaleMax: "thumbs" in v ? null : v.max,
    negative: isNegative(v),
    comment: scrubText(input.comment, scrubFailClosed),
    correction: scrubText(input.correction, scrubFailClosed),
    environment: trace.environment, releaseId: trace.releaseId, variant: trace.variant,
    actorType: actor.actorType, actorId: actor.actorId,
  });
  return { feedback: presentFeedback(row), created };
}

/** A trace's feedback for its detail view; the caller has already checked traces:read. */
export async function traceFeedback(projectId: string, traceId: string): Promise<TFeedback[]> {
  return (await listTraceFeedback(projectId, traceId, MAX_TRACE_FEEDBACK)).map(presentFeedback);
}
