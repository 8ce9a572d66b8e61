import { db, type Tx } from "../../db";

// Prisma access of index builds and chunks. Every query is scoped by project; writes of a build's
// progress also match its generation, so a superseded (older) job changes nothing.

type Where = { projectId: string; buildId: string; generation: number };
const match = (w: Where) => ({ id: w.buildId, projectId: w.projectId, generation: w.generation });

export function findIndexBuild(tx: Tx, projectId: string, retrievalConfigVersionId: string) {
  return tx.indexBuild.findFirst({ where: { projectId, retrievalConfigVersionId } });
}

export function findIndexBuildById(projectId: string, id: string) {
  return db().indexBuild.findFirst({ where: { id, projectId } });
}

/** Queues the first build of a version, or the next generation of its build. */
export function queueIndexBuild(tx: Tx, projectId: string, retrievalConfigVersionId: string) {
  const reset = { status: "queued" as const, totalDocuments: 0, totalChunks: 0, doneChunks: 0, error: null, queuedAt: new Date(), startedAt: null, finishedAt: null };
  return tx.indexBuild.upsert({
    where: { retrievalConfigVersionId },
    create: { projectId, retrievalConfigVersionId, ...reset },
    update: { ...reset, generation: { increment: 1 } },
  });
}

/** true when this job owns the build (its generation, not finished); a redelivery after a crash resumes. */
export async function claimIndexBuild(w: Where): Promise<boolean> {
  const { count } = await db().indexBuild.updateMany({
    where: { ...match(w), status: { in: ["queued", "running"] } },
    data: { status: "running", startedAt: new Date(), error: null },
  });
  return count === 1;
}

export async function setIndexBuildTotals(w: Where, totals: { totalDocuments: number; totalChunks: number; doneChunks: number }): Promise<boolean> {
  const { count } = await db().indexBuild.updateMany({ where: { ...match(w), status: "running" }, data: totals });
  return count === 1;
}

export async function addIndexBuildProgress(w: Where, chunks: number): Promise<boolean> {
  const { count } = await db().indexBuild.updateMany({ where: { ...match(w), status: "running" }, data: { doneChunks: { increment: chunks } } });
  return count === 1;
}

export function finishIndexBuild(w: Where, outcome: { status: "done" | "failed" | "running"; error?: string | null }) {
  return db().indexBuild.updateMany({
    where: { ...match(w), status: { in: ["queued", "running"] } },
    data: { status: outcome.status, error: outcome.error ?? null, ...(outcome.status === "running" ? {} : { finishedAt: new Date() }) },
  });
}

/** Per document: the content hash its chunks were built from, and how many there are. */
export async function findIndexedDocuments(retrievalConfigVersionId: string) {
  const rows = await db().knowledgeChunk.groupBy({ by: ["documentId", "documentHash"], where: { retrievalConfigVersionId }, _count: { _all: true } });
  return rows.map((r) => ({ documentId: r.documentId, documentHash: r.documentHash, count: r._count._all }));
}

export interface ChunkRow {
  ordinal: number;
  text: string;
  embedding: number[];
  tokenCount: number;
}

/** Delete-and-insert one document's chunks in one transaction: a retried job never duplicates them. */
export function replaceDocumentChunks(projectId: string, retrievalConfigVersionId: string, documentId: string, documentHash: string, chunks: ChunkRow[]) {
  return db().$transaction([
    db().knowledgeChunk.deleteMany({ where: { projectId, retrievalConfigVersionId, documentId } }),
    db().knowledgeChunk.createMany({ data: chunks.map((c) => ({ ...c, projectId, retrievalConfigVersionId, documentId, documentHash })) }),
  ]);
}

export function deleteChunksOfOtherDocuments(projectId: string, retrievalConfigVersionId: string, keepDocumentIds: string[]) {
  return db().knowledgeChunk.deleteMany({ where: { projectId, retrievalConfigVersionId, documentId: { notIn: keepDocumentIds } } });
}

export function countChunks(projectId: string, retrievalConfigVersionId: string) {
  return db().knowledgeChunk.count({ where: { projectId, retrievalConfigVersionId } });
}

export function findChunksForSearch(projectId: string, retrievalConfigVersionId: string) {
  return db().knowledgeChunk.findMany({
    where: { projectId, retrievalConfigVersionId },
    orderBy: [{ documentId: "asc" }, { ordinal: "asc" }],
    select: { id: true, text: true, embedding: true, document: { select: { sourceId: true, title: true, lastUpdatedAt: true } } },
  });
}

export function findVersionForIndex(projectId: string, retrievalConfigVersionId: string) {
  return db().retrievalConfigVersion.findFirst({
    where: { id: retrievalConfigVersionId, projectId },
    include: {
      retrievalConfig: { select: { name: true } },
      embeddingModelVersion: { select: { id: true, connectionId: true, providerModelId: true, displayName: true } },
    },
  });
}
