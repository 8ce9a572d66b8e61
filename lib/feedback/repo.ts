import { db } from "../db";
import { isUniqueViolation } from "../errors";
import type { Feedback, Prisma } from "../generated/prisma/client";

// The only place feedback touches Prisma; every query is scoped by project.

export function findTraceForFeedback(projectId: string, traceId: string) {
  return db().trace.findUnique({
    where: { projectId_traceId: { projectId, traceId } },
    select: { environment: true, releaseId: true, variant: true },
  });
}

export type FeedbackWrite = Omit<Prisma.FeedbackUncheckedCreateInput, "id" | "createdAt" | "updatedAt">;

/**
 * One row per (project, trace, source): insert, or replace what that source said before. A
 * concurrent insert of the same key loses the race with a unique violation and becomes the update.
 */
export async function upsertFeedback(data: FeedbackWrite): Promise<{ row: Feedback; created: boolean }> {
  const key = { projectId_traceId_sourceId: { projectId: data.projectId, traceId: data.traceId, sourceId: data.sourceId } };
  const { projectId: _p, traceId: _t, sourceId: _s, ...changes } = data;
  const existing = await db().feedback.findUnique({ where: key, select: { id: true } });
  if (!existing) {
    try {
      return { row: await db().feedback.create({ data }), created: true };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return { row: await db().feedback.update({ where: key, data: changes }), created: false };
}

export function listTraceFeedback(projectId: string, traceId: string, take: number) {
  return db().feedback.findMany({ where: { projectId, traceId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}

/** Per trace of a list page: how many feedbacks, how many negative (the unique index leads with projectId, traceId). */
export async function feedbackCounts(projectId: string, traceIds: string[]): Promise<Map<string, { count: number; negative: number }>> {
  if (!traceIds.length) return new Map();
  const groups = await db().feedback.groupBy({
    by: ["traceId", "negative"],
    where: { projectId, traceId: { in: traceIds } },
    _count: { _all: true },
  });
  const out = new Map<string, { count: number; negative: number }>();
  for (const g of groups) {
    const c = out.get(g.traceId) ?? { count: 0, negative: 0 };
    c.count += g._count._all;
    if (g.negative) c.negative += g._count._all;
    out.set(g.traceId, c);
  }
  return out;
}

/**
 * For the canary monitor: traces of one release and variant that received feedback since `since`,
 * and how many of them got at least one negative (the (projectId, createdAt) index bounds the scan).
 */
export async function feedbackVariantStats(projectId: string, releaseId: string, variant: "stable" | "canary", since: Date) {
  const [row] = await db().$queryRaw<{ traces: number; negative: number }[]>`
    select count(distinct "traceId")::int as traces,
           (count(distinct "traceId") filter (where negative))::int as negative
    from "Feedback"
    where "projectId" = ${projectId} and "createdAt" >= ${since} and "releaseId" = ${releaseId} and variant = ${variant}`;
  return { traces: row.traces, negative: row.negative };
}
