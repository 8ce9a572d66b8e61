import { randomUUID } from "node:crypto";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { TStoredBatch } from "./schemas";

// The only place the traces domain touches Prisma; every query is scoped by project. Bulk writes
// travel as one JSON parameter expanded by PostgreSQL (json_populate_recordset): building rows in
// the engine one by one costs the worker far more CPU than the database spends inserting them.

type Tx = Prisma.TransactionClient;

// The payload travels as JSON text both ways: Prisma's conversion of a large Json value to and from
// objects costs more than the database's work on it.
export async function insertTraceBatch(projectId: string, payload: TStoredBatch): Promise<string> {
  const id = randomUUID();
  await db().$executeRaw`INSERT INTO "TraceBatch" (id, "projectId", payload) VALUES (${id}, ${projectId}, ${JSON.stringify(payload)}::jsonb)`;
  return id;
}

export async function findTraceBatch(projectId: string, batchId: string) {
  const rows = await db().$queryRaw<{ status: string; payload: string }[]>`
    SELECT status::text AS status, payload::text AS payload FROM "TraceBatch" WHERE id = ${batchId} AND "projectId" = ${projectId}`;
  return rows[0] ? { status: rows[0].status, payload: JSON.parse(rows[0].payload) as unknown } : null;
}

export async function markBatchesProcessed(tx: Tx, projectId: string, batchIds: string[]) {
  await tx.traceBatch.updateMany({ where: { id: { in: batchIds }, projectId, status: "queued" }, data: { status: "processed", processedAt: new Date(), lastError: null } });
}

/**
 * `batchId` (if still queued and not taken by another transaction) and the project's oldest other
 * queued batches no one holds, up to `maxBatches` and about `maxStoredBytes` as stored, locked for this
 * transaction. Under load one transaction then stores many requests' spans at once, and concurrent
 * jobs take disjoint sets.
 */
export async function claimQueuedBatches(tx: Tx, projectId: string, batchId: string, maxBatches: number, maxStoredBytes: number) {
  // choose first, then lock only what was chosen: a row locked but not stored would leave its own job
  // nothing to do until the sweeper came by
  const candidates = await tx.$queryRaw<{ id: string; size: number }[]>`
    SELECT id, pg_column_size(payload)::int AS size FROM "TraceBatch"
    WHERE "projectId" = ${projectId} AND status = 'queued'
    ORDER BY (id = ${batchId}) DESC, "receivedAt" ASC LIMIT ${maxBatches}`;
  if (candidates[0]?.id !== batchId) return [];
  const ids: string[] = [];
  let bytes = 0;
  for (const c of candidates) {
    if (ids.length > 0 && bytes + c.size > maxStoredBytes) break;
    ids.push(c.id);
    bytes += c.size;
  }
  const rows = await tx.$queryRaw<{ id: string; payload: string }[]>`
    SELECT id, payload::text AS payload FROM "TraceBatch" WHERE id = ANY(${ids}) AND status = 'queued'
    ORDER BY "receivedAt" ASC FOR UPDATE SKIP LOCKED`;
  // another transaction holds this job's own batch: it stores it (or, failing, leaves it to the sweeper)
  if (!rows.some((r) => r.id === batchId)) return [];
  return rows.map((r) => ({ id: r.id, payload: JSON.parse(r.payload) as unknown }));
}

export async function markBatchFailed(tx: Tx, projectId: string, batchId: string, error: string) {
  await tx.traceBatch.updateMany({ where: { id: batchId, projectId, status: "queued" }, data: { status: "failed", lastError: error.slice(0, 2000) } });
}

/** Remembers why the last attempt failed (the batch stays queued for the sweeper). */
export async function recordBatchError(projectId: string, batchId: string, error: string) {
  await db().traceBatch.updateMany({ where: { id: batchId, projectId, status: "queued" }, data: { lastError: error.slice(0, 2000) } });
}

/**
 * Batches still queued after `olderThan`, each with its attempts counter raised (the sweeper's claim).
 * A batch that has been swept `maxAttempts` times is marked failed with its last error instead.
 */
export async function claimStaleBatches(olderThan: Date, limit: number, maxAttempts: number) {
  return db().$transaction(async (tx) => {
    await tx.traceBatch.updateMany({
      where: { status: "queued", receivedAt: { lt: olderThan }, attempts: { gte: maxAttempts } },
      data: { status: "failed" },
    });
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

/** Runs `work` in one transaction (the worker's storage step). */
export function inStorageTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      // safe without waiting for the WAL flush: if a crash loses this commit it loses all of it, the
      // batches are still queued, and the sweeper has them stored again (the request's own insert of
      // the batch, which the 202 promises, is a normal synchronous commit)
      await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
      return work(tx);
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

/**
 * Locks the given traces of a project until the transaction ends. A trace's spans may arrive in
 * several batches stored concurrently: the merge of its fields and the request count in the rollup
 * read what the previous batch wrote. Taken in one order (sorted keys), so two batches never deadlock.
 */
export async function lockTraces(tx: Tx, projectId: string, traceIds: string[]) {
  if (traceIds.length === 0) return;
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(k) FROM (
      SELECT DISTINCT hashtextextended(${projectId} || ':' || id, 0) AS k FROM unnest(${traceIds}::text[]) AS id ORDER BY 1
    ) keys`;
}

export interface TraceRow {
  projectId: string;
  traceId: string;
  name: string | null;
  startTime: string;
  endTime: string;
  durationMs: number;
  status: "ok" | "error";
  environment: string | null;
  releaseId: string | null;
  variant: string | null;
  promptName: string | null;
  promptVersion: number | null;
  endUserHash: string | null;
  team: string | null;
  piiTypes: string[];
}

export async function selectTraces(tx: Tx, projectId: string, traceIds: string[]): Promise<TraceRow[]> {
  const rows = await tx.trace.findMany({
    where: { projectId, traceId: { in: traceIds } },
    select: {
      projectId: true, traceId: true, name: true, startTime: true, endTime: true, durationMs: true, status: true, environment: true,
      releaseId: true, variant: true, promptName: true, promptVersion: true, endUserHash: true, team: true, piiTypes: true,
    },
  });
  return rows.map((r) => ({ ...r, startTime: r.startTime.toISOString(), endTime: r.endTime.toISOString() }));
}

/** What the spans inserted by one batch add to their trace. */
export interface TraceAddition {
  spanCount: number;
  errorSpans: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  models: string[];
  injectionFlagged: boolean;
  /** the most calls of one tool among the added spans (exact for a new trace) */
  maxToolCalls: number;
}

/**
 * Inserts new traces and, for known ones, overwrites the descriptive fields with `rows` (already
 * merged) and adds the new spans' aggregates to the stored ones. Returns the ids of known traces that
 * gained tool spans: their most-called-tool count needs the stored spans (recomputeToolCalls).
 */
export async function upsertTraces(tx: Tx, rows: (TraceRow & TraceAddition)[]) {
  if (rows.length === 0) return;
  const now = new Date().toISOString();
  const json = JSON.stringify(rows.map((r) => ({ ...r, id: randomUUID(), createdAt: now })));
  const replaced = ["name", "startTime", "endTime", "durationMs", "status", "environment", "releaseId", "variant", "promptName", "promptVersion", "endUserHash", "team", "piiTypes"];
  const added = ["spanCount", "errorSpans", "inputTokens", "outputTokens", "costUsd"];
  await tx.$executeRawUnsafe(
    `INSERT INTO "Trace" SELECT * FROM json_populate_recordset(NULL::"Trace", $1::json)
     ON CONFLICT ("projectId", "traceId") DO UPDATE SET
       ${replaced.map((f) => `"${f}" = EXCLUDED."${f}"`).join(", ")},
       ${added.map((f) => `"${f}" = "Trace"."${f}" + EXCLUDED."${f}"`).join(", ")},
       "models" = ARRAY(SELECT DISTINCT m FROM unnest("Trace"."models" || EXCLUDED."models") AS m ORDER BY m),
       "injectionFlagged" = "Trace"."injectionFlagged" OR EXCLUDED."injectionFlagged",
       "maxToolCalls" = GREATEST("Trace"."maxToolCalls", EXCLUDED."maxToolCalls")`,
    json,
  );
}

export interface SpanRow {
  projectId: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  kind: string;
  name: string;
  startTime: string;
  endTime: string;
  durationMs: number;
  status: "ok" | "error";
  error: string | null;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  costSource: "reported" | "computed" | "unknown";
  input: string | null;
  output: string | null;
  retrievedDocs: unknown;
  piiTypes: string[];
  injectionScore: number | null;
  injectionFlagged: boolean;
  injectionReasons: string[];
  attributes: Record<string, unknown>;
}

export type NewSpan = Pick<SpanRow, "traceId" | "spanId" | "model" | "status" | "inputTokens" | "outputTokens" | "costUsd"> & { startTime: string };

/** Inserts spans, skipping ids already stored; returns the spans actually inserted (what the rollups may count). */
export async function insertSpans(tx: Tx, rows: SpanRow[]): Promise<NewSpan[]> {
  if (rows.length === 0) return [];
  const now = new Date().toISOString();
  const json = JSON.stringify(rows.map((r) => ({ ...r, id: randomUUID(), createdAt: now })));
  const out = await tx.$queryRawUnsafe<{ traceId: string; spanId: string; startTime: Date; model: string | null; status: "ok" | "error"; inputTokens: number | null; outputTokens: number | null; costUsd: number | null }[]>(
    `INSERT INTO "Span" SELECT * FROM json_populate_recordset(NULL::"Span", $1::json)
     ON CONFLICT ("projectId", "traceId", "spanId") DO NOTHING
     RETURNING "traceId", "spanId", "startTime", "model", "status"::text AS "status", "inputTokens", "outputTokens", "costUsd"`,
    json,
  );
  return out.map((r) => ({ ...r, startTime: r.startTime.toISOString() }));
}

/** Recounts the most calls of one tool for traces whose tool spans arrived in more than one batch. */
export async function recomputeToolCalls(tx: Tx, projectId: string, traceIds: string[]) {
  if (traceIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Trace" t SET "maxToolCalls" = tc.most
    FROM (
      SELECT "traceId", max(c)::int AS most FROM (
        SELECT "traceId", name, count(*) AS c FROM "Span"
        WHERE "projectId" = ${projectId} AND "traceId" = ANY(${traceIds}) AND kind = 'tool' GROUP BY "traceId", name
      ) x GROUP BY "traceId"
    ) tc
    WHERE t."projectId" = ${projectId} AND t."traceId" = tc."traceId"`;
}

export interface UsageRow {
  projectId: string;
  day: string;
  environment: string;
  team: string;
  releaseId: string;
  variant: string;
  promptName: string;
  promptVersion: number;
  model: string;
  requests: number;
  failedRequests: number;
  spans: number;
  errorSpans: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

const usageKey = (r: UsageRow) => [r.day, r.environment, r.team, r.releaseId, r.variant, r.promptName, String(r.promptVersion).padStart(10, "0"), r.model].join("\u0000");

/** Adds usage deltas to the daily rollup, in key order (concurrent transactions then lock rollup rows in one order). */
export async function addUsage(tx: Tx, rows: UsageRow[]) {
  if (rows.length === 0) return;
  rows = [...rows].sort((a, b) => (usageKey(a) < usageKey(b) ? -1 : usageKey(a) > usageKey(b) ? 1 : 0));
  const sums = ["requests", "failedRequests", "spans", "errorSpans", "inputTokens", "outputTokens", "costUsd"];
  await tx.$executeRawUnsafe(
    `INSERT INTO "UsageDaily" SELECT * FROM json_populate_recordset(NULL::"UsageDaily", $1::json)
     ON CONFLICT ("projectId", "day", "environment", "team", "releaseId", "variant", "promptName", "promptVersion", "model")
     DO UPDATE SET ${sums.map((f) => `"${f}" = "UsageDaily"."${f}" + EXCLUDED."${f}"`).join(", ")}`,
    JSON.stringify(rows),
  );
}
