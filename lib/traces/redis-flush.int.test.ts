import { randomBytes } from "node:crypto";
import { Worker } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { env } from "../env";
import { newWorkerConnection, redis } from "../redis";
import { QUEUE_NAME } from "../queue/jobs";
import { queue } from "../queue/queue";
import { POST } from "../../app/api/v1/otlp/v1/traces/route";
import { processTraceProcess } from "../../workers/trace-process";
import { tracesProject } from "./test-fixtures";
import { sweepTraceBatches } from "./sweep";

// Issue 5: "Redis flushed during ingestion loses nothing". A 200 means the scrubbed batch is in Postgres;
// the queue in Redis is only a wake-up call. Here Redis loses everything under this run's key prefix
// (never other runs' keys) between and during requests, while a worker runs; the sweeper then re-queues
// what was lost, and every acknowledged span is stored exactly once.

const SPANS_PER_TRACE = 3;
const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** An OTLP JSON export of two traces of three spans each, with fresh ids. */
function exportOf(n: number) {
  const traces = [hex(16), hex(16)];
  const spans = traces.flatMap((traceId) => {
    const root = hex(8);
    return Array.from({ length: SPANS_PER_TRACE }, (_, i) => ({
      traceId, spanId: i === 0 ? root : hex(8), parentSpanId: i === 0 ? "" : root, name: `step ${n}.${i}`,
      startTimeUnixNano: "1767261600000000000", endTimeUnixNano: "1767261601000000000",
      attributes: [{ key: "gen_ai.request.model", value: { stringValue: "gpt-test-1" } }, { key: "gen_ai.usage.input_tokens", value: { intValue: 10 } }],
    }));
  });
  return { traces, spans, body: JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] }) };
}

/** What Redis keeps for this test run, gone: every key under its own prefix (a Redis restarted empty, for this run). */
async function flushOwnPrefix() {
  const prefix = env().REDIS_PREFIX;
  if (!prefix.startsWith("fdtest")) throw new Error(`refusing to delete keys of prefix ${prefix}`);
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await redis().scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    if (keys.length) deleted += await redis().del(...keys);
    cursor = next;
  } while (cursor !== "0");
  return deleted;
}

async function until(what: string, check: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** This project's trace.process jobs still in Redis (other test files share the queue, with jobs of their own). */
async function pendingJobs(projectId: string) {
  const jobs = await queue().getJobs(["waiting", "active", "delayed", "prioritized"]);
  return jobs.filter((j) => j?.name === "trace.process" && j.data?.projectId === projectId).length;
}

let worker: Worker | undefined;
const connection = newWorkerConnection();
function startWorker() {
  // the production processor for trace.process; other job kinds are not this test's (and not queued by it)
  worker = new Worker(QUEUE_NAME, async (job) => (job.name === "trace.process" ? processTraceProcess(job) : undefined), {
    connection, prefix: env().REDIS_PREFIX, concurrency: 2,
  });
  // a job whose keys vanished mid-run fails to complete in Redis; that is the scenario, not a test error
  worker.on("error", () => {});
  worker.on("failed", () => {});
  return worker;
}
afterAll(async () => {
  await worker?.close(true);
  // BullMQ leaves a connection it was given open
  await connection.quit().catch(() => {});
});

describe("Redis flushed during ingestion", () => {
  it("loses nothing: the sweeper re-queues lost batches and every acknowledged span is stored exactly once", async () => {
    const t = await tracesProject(POST, "/api/v1/otlp/v1/traces");
    await flushOwnPrefix();
    const acknowledged: { batchId: string; traces: string[]; spans: number }[] = [];
    const send = async (n: number) => {
      const e = exportOf(n);
      const res = await t.post(t.writer, e.body);
      expect(res.status).toBe(200);
      const body = await res.json();
      acknowledged.push({ batchId: body.batchId, traces: e.traces, spans: body.spans });
    };

    // round 1, no worker yet: four batches queued, then Redis loses their jobs
    for (let n = 0; n < 4; n++) await send(n);
    expect(await pendingJobs(t.project.id)).toBe(4);
    expect(await flushOwnPrefix()).toBeGreaterThan(0);

    startWorker();
    await until("the worker to drain what Redis still had", async () => (await pendingJobs(t.project.id)) === 0);
    // nothing in Redis names them any more: only the sweeper can save them
    expect(await db().traceBatch.count({ where: { projectId: t.project.id, status: "queued" } })).toBe(4);

    // round 2, the worker running: Redis is flushed again while requests and processing are under way
    // (a worker that stores a batch also takes the project's other queued ones, so some may be saved here)
    await Promise.all([...[4, 5, 6, 7].map(send), flushOwnPrefix(), ...[8, 9, 10, 11].map(send)]);
    for (let n = 12; n < 20; n++) await send(n);
    await until("the worker to drain what Redis still had", async () => (await pendingJobs(t.project.id)) === 0);

    // the sweeper as its repeatable job would run it a minute later re-queues every batch still waiting
    const stranded = await db().traceBatch.count({ where: { projectId: t.project.id, status: "queued" } });
    // (other test files' batches in this database may be swept too, hence at least)
    expect(await sweepTraceBatches(new Date(Date.now() + 61_000))).toBeGreaterThanOrEqual(stranded);
    await until("every batch to be processed", async () =>
      (await db().traceBatch.count({ where: { projectId: t.project.id, status: { not: "processed" } } })) === 0);

    expect(acknowledged).toHaveLength(20);
    const batches = await db().traceBatch.findMany({ where: { projectId: t.project.id } });
    expect(batches.map((b) => b.id).sort()).toEqual(acknowledged.map((a) => a.batchId).sort());
    const spans = await db().span.findMany({ where: { projectId: t.project.id }, select: { traceId: true, spanId: true } });
    const total = acknowledged.reduce((n, a) => n + a.spans, 0);
    expect(total).toBe(20 * 2 * SPANS_PER_TRACE);
    expect(spans).toHaveLength(total);
    expect(new Set(spans.map((s) => `${s.traceId}/${s.spanId}`)).size).toBe(total);
    const traces = await db().trace.findMany({ where: { projectId: t.project.id }, select: { traceId: true } });
    expect(traces.map((x) => x.traceId).sort()).toEqual(acknowledged.flatMap((a) => a.traces).sort());
  });
});
