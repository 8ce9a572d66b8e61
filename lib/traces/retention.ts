import { db } from "../db";

// Retention (issue 5): spans and traces older than each project's `traceRetentionDays` are deleted by
// the repeatable `trace.retention` job, in chunks so one run never holds long locks. The daily usage
// rollups hold no text and stay, so cost history outlives the spans. A processed batch (the scrubbed
// request as received) is only needed until its spans are stored and goes after a day.

const CHUNK = 5_000;
const DAY_MS = 24 * 3600 * 1000;
export const PROCESSED_BATCH_KEEP_MS = DAY_MS;

async function deleteInChunks(sql: (limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sql(CHUNK);
    total += n;
    if (n < CHUNK) return total;
  }
}

/** `only` limits the run to some projects (tests share a database with other tests' projects). */
export async function deleteExpiredTraces(now = new Date(), only?: string[]) {
  const projects = await db().project.findMany({ where: only ? { id: { in: only } } : {}, select: { id: true, traceRetentionDays: true } });
  let spans = 0;
  let traces = 0;
  for (const p of projects) {
    const cutoff = new Date(now.getTime() - p.traceRetentionDays * DAY_MS);
    spans += await deleteInChunks((limit) => db().$executeRaw`
      DELETE FROM "Span" WHERE id IN (SELECT id FROM "Span" WHERE "projectId" = ${p.id} AND "startTime" < ${cutoff} LIMIT ${limit})`);
    traces += await deleteInChunks((limit) => db().$executeRaw`
      DELETE FROM "Trace" WHERE id IN (
        SELECT id FROM "Trace" WHERE "projectId" = ${p.id} AND "startTime" < ${cutoff} AND "endTime" < ${cutoff} LIMIT ${limit})`);
    await db().traceBatch.deleteMany({ where: { projectId: p.id, status: "failed", receivedAt: { lt: cutoff } } });
  }
  const batches = await db().traceBatch.deleteMany({
    where: { status: "processed", processedAt: { lt: new Date(now.getTime() - PROCESSED_BATCH_KEEP_MS) }, ...(only ? { projectId: { in: only } } : {}) },
  });
  return { spans, traces, batches: batches.count };
}
