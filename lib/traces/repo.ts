import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { TStoredBatch } from "./schemas";

// The only place the traces domain touches Prisma; every query is scoped by project.

export async function insertTraceBatch(projectId: string, payload: TStoredBatch): Promise<string> {
  const row = await db().traceBatch.create({ data: { projectId, payload: payload as Prisma.InputJsonValue }, select: { id: true } });
  return row.id;
}

export function findTraceBatch(projectId: string, batchId: string) {
  return db().traceBatch.findFirst({ where: { id: batchId, projectId } });
}

export async function markBatchProcessed(projectId: string, batchId: string) {
  await db().traceBatch.updateMany({ where: { id: batchId, projectId }, data: { status: "processed", processedAt: new Date() } });
}

/** Batches still queued after `olderThan`, each with its attempts counter raised (the sweeper's claim). */
export async function claimStaleBatches(olderThan: Date, limit: number) {
  return db().$transaction(async (tx) => {
    const rows = await tx.traceBatch.findMany({
      where: { status: "queued", receivedAt: { lt: olderThan } }, orderBy: { receivedAt: "asc" }, take: limit, select: { id: true, projectId: true },
    });
    if (rows.length === 0) return [];
    await tx.traceBatch.updateMany({ where: { id: { in: rows.map((r) => r.id) }, status: "queued" }, data: { attempts: { increment: 1 } } });
    return tx.traceBatch.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, projectId: true, attempts: true } });
  });
}

/** Prices for the models named in a batch: the newest model version of each provider model id. */
export async function findModelPrices(projectId: string, providerModelIds: string[]) {
  if (providerModelIds.length === 0) return [];
  return db().modelVersion.findMany({
    where: { projectId, providerModelId: { in: providerModelIds } },
    orderBy: { createdAt: "asc" },
    select: { providerModelId: true, inputPricePerMTok: true, outputPricePerMTok: true, cachedPricePerMTok: true },
  });
}

export function findTraces(projectId: string, traceIds: string[]) {
  return db().trace.findMany({ where: { projectId, traceId: { in: traceIds } } });
}

/** Creates the trace or replaces its fields with `data` (already merged with what was stored). */
export async function upsertTrace(data: Prisma.TraceUncheckedCreateInput) {
  const { projectId, traceId, ...update } = data;
  await db().trace.upsert({ where: { projectId_traceId: { projectId, traceId } }, create: data, update });
}

export async function insertSpans(rows: Prisma.SpanCreateManyInput[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db().span.createMany({ data: rows, skipDuplicates: true });
  return r.count;
}
