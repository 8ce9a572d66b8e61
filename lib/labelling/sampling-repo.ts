import type { Tx } from "../db";

// What the repeating samplers read: traces in a window, their root spans, retrieval spans and user
// feedback. Every query is scoped by project.

/** Candidate traces of a window (after `from`, up to `to`), oldest first, at most `take`. */
export function findTracesInWindow(tx: Tx, projectId: string, window: { from: Date; to: Date; environment?: string; take: number }) {
  return tx.trace.findMany({
    where: { projectId, startTime: { gt: window.from, lte: window.to }, ...(window.environment ? { environment: window.environment } : {}) },
    orderBy: [{ startTime: "asc" }, { id: "asc" }],
    take: window.take,
    select: { traceId: true, startTime: true },
  });
}

/** The root span of each trace (no parent; the earliest when a trace has several). */
export async function findRootSpans(tx: Tx, projectId: string, traceIds: string[]) {
  const spans = await tx.span.findMany({
    where: { projectId, traceId: { in: traceIds }, parentSpanId: null },
    orderBy: { startTime: "asc" },
    select: { traceId: true, input: true, output: true },
  });
  const roots = new Map<string, { input: string | null; output: string | null }>();
  for (const s of spans) if (!roots.has(s.traceId)) roots.set(s.traceId, { input: s.input, output: s.output });
  return roots;
}

/** Documents the traces' retrieval spans returned, in span order. */
export async function findRetrievedDocs(tx: Tx, projectId: string, traceIds: string[]) {
  const spans = await tx.span.findMany({
    where: { projectId, traceId: { in: traceIds }, kind: "retrieval" },
    orderBy: { startTime: "asc" },
    select: { traceId: true, retrievedDocs: true },
  });
  const docs = new Map<string, { text: string; docId?: string }[]>();
  for (const s of spans) {
    const list = Array.isArray(s.retrievedDocs) ? s.retrievedDocs : [];
    const chunks = list.flatMap((d) => {
      const doc = d as { id?: unknown; text?: unknown } | null;
      return doc && typeof doc.text === "string" ? [{ text: doc.text, ...(typeof doc.id === "string" ? { docId: doc.id } : {}) }] : [];
    });
    docs.set(s.traceId, [...(docs.get(s.traceId) ?? []), ...chunks]);
  }
  return docs;
}

/** User feedback per trace, newest first. */
export async function findFeedbackFor(tx: Tx, projectId: string, traceIds: string[]) {
  const rows = await tx.feedback.findMany({
    where: { projectId, traceId: { in: traceIds } },
    orderBy: { updatedAt: "desc" },
    select: { traceId: true, negative: true, comment: true },
  });
  const out = new Map<string, { negative: boolean; comment: string | null }[]>();
  for (const r of rows) out.set(r.traceId, [...(out.get(r.traceId) ?? []), { negative: r.negative, comment: r.comment }]);
  return out;
}

/** Negative feedback given (or changed) after `from` up to `to`, oldest first, at most `take`. */
export function findNegativeFeedback(tx: Tx, projectId: string, window: { from: Date; to: Date; take: number }) {
  return tx.feedback.findMany({
    where: { projectId, negative: true, updatedAt: { gt: window.from, lte: window.to } },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: window.take,
    select: { traceId: true, updatedAt: true },
  });
}

export function findExistingTraces(tx: Tx, projectId: string, traceIds: string[]) {
  return tx.trace.findMany({ where: { projectId, traceId: { in: traceIds } }, select: { traceId: true } });
}

/**
 * One queue whose sample is due, locked until the transaction ends; a queue another worker holds is
 * skipped (SKIP LOCKED), so two workers never sample one queue at once.
 */
export async function claimDueQueue(tx: Tx, now: Date, opts: { queueId?: string; skip?: string[] } = {}) {
  const { queueId, skip = [] } = opts;
  const rows = queueId
    ? await tx.$queryRaw<{ id: string }[]>`
        select id from "LabelQueue" where id = ${queueId} and "archivedAt" is null and "nextSampleAt" is not null
        for update skip locked`
    : await tx.$queryRaw<{ id: string }[]>`
        select id from "LabelQueue" where "nextSampleAt" <= ${now} and "archivedAt" is null and id <> all(${skip}::text[])
        order by "nextSampleAt" asc limit 1 for update skip locked`;
  if (!rows[0]) return null;
  return tx.labelQueue.findUniqueOrThrow({ where: { id: rows[0].id } });
}

export function setSampleWatermark(tx: Tx, queueId: string, data: { sampledUntil?: Date; nextSampleAt: Date | null }) {
  return tx.labelQueue.update({ where: { id: queueId }, data });
}
