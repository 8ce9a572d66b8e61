import { db } from "../db";
import { mulberry32 } from "../evals/prng";
import type { Principal } from "../authz/principal";
import { recordFeedback } from "../feedback/service";
import { ZCreateFeedback } from "../feedback/schemas";

// End-user feedback on the demo's production traces, through the real feedback service (scrubbing,
// release copied from the trace): thumbs from the chat widget, a few 1–5 ratings from the post-chat
// survey, comments in English and Arabic, one corrected answer. Enough negative feedback for the
// traces filter and for a labelling queue fed by negative feedback. Deterministic; runs once.

const ARABIC = /[\u0600-\u06FF]/;

const NEGATIVE_EN = ["That is not what I asked.", "The refund period is wrong.", "Too vague, I still don't know what to do."];
const NEGATIVE_AR = ["الإجابة لا تجيب عن سؤالي.", "المعلومة غير صحيحة، المدة أطول من ذلك."];
const POSITIVE_EN = ["Quick and clear, thanks!", "Exactly what I needed."];
const CORRECTION = "Refunds are issued to the original payment method within 14 days of the return arriving, not 30.";

export async function seedFeedbackDemo(projectId: string): Promise<boolean> {
  if (await db().feedback.findFirst({ where: { projectId }, select: { id: true } })) return false;
  const seed: Principal = { kind: "system", actorId: "seed", label: "Demo seed", projectId };
  const roots = await db().span.findMany({
    where: { projectId, spanId: "root", traceId: { startsWith: "demo-" } },
    select: { traceId: true, input: true },
    orderBy: { traceId: "asc" },
  });
  if (!roots.length) return false;
  const rand = mulberry32(7_2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  let corrected = false;
  // about one trace in six gets feedback, as a chat widget's response rate would give
  for (const [i, root] of roots.entries()) {
    if (i % 6 !== 1) continue;
    const arabic = ARABIC.test(root.input ?? "");
    const negative = rand() < 0.35;
    const survey = rand() < 0.2;
    const value = survey ? { score: negative ? 1 + Math.floor(rand() * 2) : 4 + Math.floor(rand() * 2) } : { thumbs: negative ? ("down" as const) : ("up" as const) };
    const comment = negative ? (arabic ? pick(NEGATIVE_AR) : rand() < 0.7 ? pick(NEGATIVE_EN) : undefined) : rand() < 0.3 && !arabic ? pick(POSITIVE_EN) : undefined;
    const correction = negative && !arabic && !corrected && /refund/i.test(root.input ?? "") ? CORRECTION : undefined;
    if (correction) corrected = true;
    await recordFeedback(seed, ZCreateFeedback.parse({
      traceId: root.traceId, value, comment, correction, sourceId: survey ? `survey:${i}` : `chat-widget:${i}`,
    }));
  }
  return true;
}
