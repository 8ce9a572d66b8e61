import { randomUUID } from "node:crypto";
import { db, type Prisma, type Tx } from "../../db";

// The only place eval runs and results touch Prisma. Every query is scoped by project.

const RUN_INCLUDE = {
  datasetVersion: { select: { version: true, datasetId: true, itemCount: true, dataset: { select: { name: true } } } },
  promptVersion: { select: { version: true, prompt: { select: { name: true } } } },
  modelVersion: { select: { id: true, displayName: true } },
  retrievalConfigVersion: { select: { version: true, retrievalConfig: { select: { name: true } } } },
  judgePromptVersion: { select: { version: true, prompt: { select: { name: true } } } },
  judgeModelVersion: { select: { id: true, displayName: true } },
} satisfies Prisma.EvalRunInclude;

export type RunRow = Prisma.EvalRunGetPayload<{ include: typeof RUN_INCLUDE }>;

export function insertRun(tx: Tx, data: Prisma.EvalRunUncheckedCreateInput) {
  return tx.evalRun.create({ data, include: RUN_INCLUDE });
}

export function findRun(projectId: string, id: string) {
  return db().evalRun.findFirst({ where: { id, projectId }, include: RUN_INCLUDE });
}

export function findRuns(projectId: string, filter: { datasetId?: string; take: number }) {
  return db().evalRun.findMany({
    where: { projectId, ...(filter.datasetId ? { datasetVersion: { datasetId: filter.datasetId } } : {}) },
    include: RUN_INCLUDE,
    orderBy: { createdAt: "desc" },
    take: filter.take,
  });
}

export interface ProgressCounts {
  done: number;
  failed: number;
  costUsd: number;
}

/** Done, failed and cost of many runs in one query, counted from result rows. */
export async function progressCounts(runIds: string[]): Promise<Map<string, ProgressCounts>> {
  if (runIds.length === 0) return new Map();
  const rows = await db().evalResult.groupBy({
    by: ["runId", "status"],
    where: { runId: { in: runIds } },
    _count: { _all: true },
    _sum: { costUsd: true, judgeCostUsd: true },
  });
  const out = new Map<string, ProgressCounts>();
  for (const r of rows) {
    const p = out.get(r.runId) ?? { done: 0, failed: 0, costUsd: 0 };
    p.done += r._count._all;
    if (r.status === "failed") p.failed += r._count._all;
    p.costUsd += (r._sum.costUsd ?? 0) + (r._sum.judgeCostUsd ?? 0);
    out.set(r.runId, p);
  }
  return out;
}

export function requestCancel(projectId: string, id: string) {
  return db().evalRun.updateMany({
    where: { id, projectId, status: { in: ["queued", "running"] }, cancelRequestedAt: null },
    data: { cancelRequestedAt: new Date() },
  });
}

/** A run nobody holds (queued, or running with its worker gone) is cancelled at once; a held one is stopped by its worker. */
export function cancelUnclaimed(projectId: string, id: string) {
  return db().evalRun.updateMany({
    where: { id, projectId, status: { in: ["queued", "running"] }, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: new Date() } }] },
    data: { status: "cancelled", stopReason: "Cancelled.", finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null },
  });
}

const RESULT_SUMMARY_SELECT = {
  itemKey: true, language: true, repeat: true, status: true, latencyMs: true, inputTokens: true, outputTokens: true, costUsd: true,
  judgeInputTokens: true, judgeOutputTokens: true, judgeCostUsd: true, scores: true,
} satisfies Prisma.EvalResultSelect;

export function findResultsForSummary(runId: string) {
  return db().evalResult.findMany({ where: { runId }, select: RESULT_SUMMARY_SELECT, orderBy: [{ itemPosition: "asc" }, { repeat: "asc" }] });
}

const RESULT_LIST_SELECT = {
  id: true, itemKey: true, itemPosition: true, language: true, repeat: true, status: true, errorStage: true, error: true, output: true, latencyMs: true,
  inputTokens: true, outputTokens: true, costUsd: true, judgeInputTokens: true, judgeOutputTokens: true, judgeCostUsd: true, scores: true,
} satisfies Prisma.EvalResultSelect;

/** A page of results ordered by item then repeat; the cursor is "position * 1000 + repeat" of the last row. */
export function findResultsPage(runId: string, filter: { status?: "ok" | "failed"; language?: string; after?: number; take: number }) {
  const after = filter.after;
  return db().evalResult.findMany({
    where: {
      runId,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.language ? { language: { startsWith: filter.language } } : {}),
      ...(after !== undefined && after >= 0
        ? { OR: [{ itemPosition: { gt: Math.floor(after / 1000) } }, { itemPosition: Math.floor(after / 1000), repeat: { gt: after % 1000 } }] }
        : {}),
    },
    select: RESULT_LIST_SELECT,
    orderBy: [{ itemPosition: "asc" }, { repeat: "asc" }],
    take: filter.take,
  });
}

export function findResult(runId: string, resultId: string) {
  return db().evalResult.findFirst({ where: { id: resultId, runId } });
}

export function findItem(datasetVersionId: string, itemId: string) {
  return db().datasetItem.findFirst({ where: { id: itemId, datasetVersionId } });
}

// JSON columns as plain values: the rows travel as one JSON text, not through Prisma's input types
export type NewResultRow = Omit<Prisma.EvalResultUncheckedCreateInput, "id" | "createdAt" | "scores" | "messages" | "context"> & {
  scores: object;
  messages?: object;
  context?: object;
};

/**
 * Inserts result rows, skipping any whose run × item × repeat already has one; returns how many were
 * written. One statement whatever the batch size: the rows travel as one JSON parameter and PostgreSQL
 * expands them (json_populate_recordset), which costs the worker far less CPU than building the
 * INSERT row by row — it runs between provider calls on the engine's event loop.
 */
export async function insertResults(rows: NewResultRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const now = new Date().toISOString();
  const json = JSON.stringify(rows.map((r) => ({ ...r, id: randomUUID(), createdAt: now })));
  return db().$executeRawUnsafe(
    `INSERT INTO "EvalResult" SELECT * FROM json_populate_recordset(NULL::"EvalResult", $1::json) ON CONFLICT ("runId", "itemId", "repeat") DO NOTHING`,
    json,
  );
}
