import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { checkHealth } from "../lib/health/service";
import { enqueue } from "../lib/queue/queue";
import { redis, redisKey } from "../lib/redis";
import { ingestTraces } from "../lib/traces/ingest";
import { makeProject } from "../scripts/test/fixtures";

// The worker as a real separate process on the real Redis and PostgreSQL.

let worker: ChildProcess;
let output = "";

async function until<T>(fn: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out; worker output:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  await redis().del(redisKey("worker", "heartbeat"));
  worker = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], { env: { ...process.env, FLIGHTDECK_SERVICE: "worker", LOG_LEVEL: "info" } });
  worker.stdout!.on("data", (d) => (output += d));
  worker.stderr!.on("data", (d) => (output += d));
});

afterAll(() => {
  if (worker.exitCode === null) worker.kill("SIGKILL");
});

describe("worker process", () => {
  it("reports health only once its heartbeat is seen", async () => {
    const health = await until(async () => {
      const h = await checkHealth();
      return h.worker === "ok" ? h : null;
    });
    expect(health).toEqual({ status: "ok", db: "ok", redis: "ok", worker: "ok" });
    expect((await checkHealth(Date.now() + 120_000)).failing).toEqual(["worker"]);
  });

  it("runs audit.verify and records the result once, even when the same job is enqueued twice", async () => {
    const jobId = `verify-${Date.now()}`;
    await enqueue("audit.verify", { reason: "manual" }, { jobId });
    await enqueue("audit.verify", { reason: "manual" }, { jobId });
    const row = await until(() => db().auditVerification.findUnique({ where: { runKey: `job:${jobId}` } }));
    expect(row.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await db().auditVerification.count({ where: { runKey: `job:${jobId}` } })).toBe(1);
  });

  it("refuses a payload that breaks the queue contract before it reaches Redis", async () => {
    await expect(enqueue("audit.verify", { reason: "whenever" } as never)).rejects.toThrow();
  });

  it("registers the repeatable verification", async () => {
    const { queue } = await import("../lib/queue/queue");
    const schedulers = await queue().getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual(expect.arrayContaining(["audit.verify:scheduled", "trace.sweep:scheduled"]));
  });

  it("processes an ingested trace batch into spans", async () => {
    const { project } = await makeProject([]);
    const system = { kind: "system" as const, actorId: "test", label: "test", projectId: project.id };
    const { batchId } = await ingestTraces(system, {
      traces: [{ traceId: "w1", spans: [{ spanId: "s1", kind: "llm", name: "answer", startTime: "2026-01-01T00:00:00Z", endTime: "2026-01-01T00:00:01Z", status: "ok", input: "mail me at a.b@example.com" }] }],
    });
    await until(async () => (await db().traceBatch.findUnique({ where: { id: batchId } }))?.status === "processed");
    const span = await db().span.findFirstOrThrow({ where: { projectId: project.id, traceId: "w1" } });
    expect(span.input).toBe("mail me at <EMAIL>");
  });

  it("stops cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("worker stopped");
  });
});
