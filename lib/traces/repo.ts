import { randomUUID } from "node:crypto";
import type pg from "pg";
import { db, pgPool } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { TStoredBatch } from "./schemas";

// The only place the traces domain touches the database; every query is scoped by project. The
// worker's storage transaction runs on a plain pg client (Tx below), not through the ORM: at
// thousands of spans a second the ORM's per-query work cost more than the database's. Bulk writes
// travel as one JSON parameter expanded by PostgreSQL (json_populate_recordset). Timestamps are
// read as epoch milliseconds, so no client-side time zone parsing is involved.

type Tx = pg.PoolClient;

// The payload travels as JSON text both ways (in here and in claimQueuedBatches): Prisma's conversion
// of a large Json value to and from objects costs more than the database's work on it.
export async function insertTraceBatch(projectId: string, payload: TStoredBatch): Promise<string> {
  const id = randomUUID();
  await db().$executeRaw`INSERT INTO "TraceBatch" (id, "projectId", payload) VALUES (${id}, ${projectId}, ${JSON.stringify(payload)}::jsonb)`;
  return id;
}

/** The batch's status, or null (a job's quick check before it opens a transaction; the payload is read only by the claim). */
export async function findBatchStatus(projectId: string, batchId: string): Promise<string | null> {
  const rows = await db().$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM "TraceBatch" WHERE id = ${batchId} AND "projectId" = ${projectId}`;
  return rows[0]?.status ?? null;
}

export async function markBatchesProcessed(tx: Tx, projectId: string, batchIds: string[]) {
  await tx.query(
    `UPDATE "TraceBatch" SET status = 'processed', "processedAt" = now() AT TIME ZONE 'UTC', "lastError" = NULL
     WHERE id = ANY($1) AND "projectId" = $2 AND status = 'queued'`,
    [batchIds, projectId],
  );
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
  const candidates = (await tx.query<{ id: string; size: number }>(
    `SELECT id, pg_column_size(payload)::int AS size FROM "TraceBatch"
     WHERE "projectId" = $1 AND status = 'queued'
     ORDER BY (id = $2) DESC, "receivedAt" ASC LIMIT $3`,
    [projectId, batchId, maxBatches],
  )).rows;
  if (candidates[0]?.id !== batchId) return [];
  const ids: string[] = [];
  let bytes = 0;
  for (const c of candidates) {
    if (ids.length > 0 && bytes + c.size > maxStoredBytes) break;
    ids.push(c.id);
    bytes += c.size;
  }
  const rows = (await tx.query<{ id: string; payload: string }>(
    `SELECT id, payload::text AS payload FROM "TraceBatch" WHERE id = ANY($1) AND status = 'queued'
     ORDER BY "receivedAt" ASC FOR UPDATE SKIP LOCKED`,
    [ids],
  )).rows;
  // another transaction holds this job's own batch: it stores it (or, failing, leaves it to the sweeper)
  if (!rows.some((r) => r.id === batchId)) return [];
  return rows.map((r) => ({ id: r.id, payload: JSON.parse(r.payload) as unknown }));
}

export async function markBatchFailed(tx: Tx, projectId: string, batchId: string, error: string) {
  await tx.query(`UPDATE "TraceBatch" SET status = 'failed', "lastError" = $3 WHERE id = $1 AND "projectId" = $2 AND status = 'queued'`, [
    batchId, projectId, error.slice(0, 2000),
  ]);
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

/** Runs `work` in one transaction on a pg client of its own (the worker's storage step). */
export async function inStorageTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    // safe without waiting for the WAL flush: if a crash loses this commit it loses all of it, the
    // batches are still queued, and the sweeper has them stored again (the request's own insert of
    // the batch, which the 202 promises, is a normal synchronous commit)
    await client.query("SET LOCAL synchronous_commit = off");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Locks the given traces of a project until the transaction ends. A trace's spans may arrive in
 * several batches stored concurrently: the merge of its fields and the request count in the rollup
 * read what the previous batch wrote. Taken in one order (sorted keys), so two batches never deadlock.
 */
export async function lockTraces(tx: Tx, projectId: string, traceIds: string[]) {
  if (traceIds.length === 0) return;
  await tx.query(
    `SELECT pg_advisory_xact_lock(k) FROM (
       SELECT DISTINCT hashtextextended($1 || ':' || id, 0) AS k FROM unnest($2::text[]) AS id ORDER BY 1
     ) keys`,
    [projectId, traceIds],
  );
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
  const rows = (await tx.query<Omit<TraceRow, "startTime" | "endTime"> & { startMs: number; endMs: number }>(
    `SELECT "projectId", "traceId", name, (extract(epoch FROM "startTime") * 1000)::float8 AS "startMs",
       (extract(epoch FROM "endTime") * 1000)::float8 AS "endMs", "durationMs", status::text AS status, environment, "releaseId", variant,
       "promptName", "promptVersion", "endUserHash", team, "piiTypes"
     FROM "Trace" WHERE "projectId" = $1 AND "traceId" = ANY($2)`,
    [projectId, traceIds],
  )).rows;
  return rows.map(({ startMs, endMs, ...r }) => ({ ...r, startTime: new Date(startMs).toISOString(), endTime: new Date(endMs).toISOString() }));
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
  await tx.query(
    `INSERT INTO "Trace" SELECT * FROM json_populate_recordset(NULL::"Trace", $1::json)
     ON CONFLICT ("projectId", "traceId") DO UPDATE SET
       ${replaced.map((f) => `"${f}" = EXCLUDED."${f}"`).join(", ")},
       ${added.map((f) => `"${f}" = "Trace"."${f}" + EXCLUDED."${f}"`).join(", ")},
       "models" = ARRAY(SELECT DISTINCT m FROM unnest("Trace"."models" || EXCLUDED."models") AS m ORDER BY m),
       "injectionFlagged" = "Trace"."injectionFlagged" OR EXCLUDED."injectionFlagged",
       "maxToolCalls" = GREATEST("Trace"."maxToolCalls", EXCLUDED."maxToolCalls")`,
    [json],
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
  const out = await tx.query<Omit<NewSpan, "startTime"> & { startMs: number }>(
    `INSERT INTO "Span" SELECT * FROM json_populate_recordset(NULL::"Span", $1::json)
     ON CONFLICT ("projectId", "traceId", "spanId") DO NOTHING
     RETURNING "traceId", "spanId", (extract(epoch FROM "startTime") * 1000)::float8 AS "startMs", "model", "status"::text AS "status",
       "inputTokens", "outputTokens", "costUsd"`,
    [json],
  );
  return out.rows.map(({ startMs, ...r }) => ({ ...r, startTime: new Date(startMs).toISOString() }));
}

/** Recounts the most calls of one tool for traces whose tool spans arrived in more than one batch. */
export async function recomputeToolCalls(tx: Tx, projectId: string, traceIds: string[]) {
  if (traceIds.length === 0) return;
  await tx.query(
    `UPDATE "Trace" t SET "maxToolCalls" = tc.most
     FROM (
       SELECT "traceId", max(c)::int AS most FROM (
         SELECT "traceId", name, count(*) AS c FROM "Span"
         WHERE "projectId" = $1 AND "traceId" = ANY($2) AND kind = 'tool' GROUP BY "traceId", name
       ) x GROUP BY "traceId"
     ) tc
     WHERE t."projectId" = $1 AND t."traceId" = tc."traceId"`,
    [projectId, traceIds],
  );
}

/** What the daily rollup sums (the cost dashboards read the same fields). */
export interface UsageSums {
  requests: number;
  failedRequests: number;
  spans: number;
  errorSpans: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** One rollup row: its key (a UTC day and the dimensions, "" / 0 for none) and the sums to add. */
export interface UsageRow extends UsageSums {
  projectId: string;
  day: string;
  environment: string;
  team: string;
  releaseId: string;
  variant: string;
  promptName: string;
  promptVersion: number;
  model: string;
}

const usageKey = (r: UsageRow) => [r.day, r.environment, r.team, r.releaseId, r.variant, r.promptName, String(r.promptVersion).padStart(10, "0"), r.model].join("\u0000");

/** Adds usage deltas to the daily rollup, in key order (concurrent transactions then lock rollup rows in one order). */
export async function addUsage(tx: Tx, rows: UsageRow[]) {
  if (rows.length === 0) return;
  rows = [...rows].sort((a, b) => (usageKey(a) < usageKey(b) ? -1 : usageKey(a) > usageKey(b) ? 1 : 0));
  const sums = ["requests", "failedRequests", "spans", "errorSpans", "inputTokens", "outputTokens", "costUsd"];
  await tx.query(
    `INSERT INTO "UsageDaily" SELECT * FROM json_populate_recordset(NULL::"UsageDaily", $1::json)
     ON CONFLICT ("projectId", "day", "environment", "team", "releaseId", "variant", "promptName", "promptVersion", "model")
     DO UPDATE SET ${sums.map((f) => `"${f}" = "UsageDaily"."${f}" + EXCLUDED."${f}"`).join(", ")}`,
    [JSON.stringify(rows)],
  );
}
