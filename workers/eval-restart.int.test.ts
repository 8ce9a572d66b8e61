import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "../lib/db";
import { createEvalRun } from "../lib/evals/runs/create-run";
import { evalProject, isJudgeRequest, judgeReply } from "../lib/evals/runs/test-fixtures";
import { startFakeOpenAIServer } from "../lib/providers/testing/fake-openai-server";

// Issue 4: "A run survives a worker restart and resumes." The worker as a real process, stopped with
// SIGTERM in the middle of a run (as a deploy does), then a new worker process finishes it: every
// item × repeat is stored once and its cost counted once. The provider is a fake OpenAI server in this
// process, reached over real HTTP.

let openai: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  openai = await startFakeOpenAIServer();
  openai.defaultStep = { type: "ok", text: "Refunds are accepted within 30 days.", delayMs: 120, usage: { input: 50, output: 10 } };
  openai.route = (r) => (isJudgeRequest(r) ? { type: "ok", text: judgeReply(), delayMs: 60, usage: { input: 100, output: 20 } } : undefined);
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
  await openai.close();
});

function startWorker() {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], { env: { ...process.env, FLIGHTDECK_SERVICE: "worker", LOG_LEVEL: "info" } });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  workers.push(child);
  return { child, output: () => output };
}

async function until<T>(what: string, fn: () => Promise<T | null | false | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it("a run stopped by SIGTERM mid-way is resumed by the next worker and stored exactly once", async () => {
  const s = await evalProject({ baseUrl: openai.baseUrl, maxConcurrency: 1 });
  const run = await createEvalRun(s.admin, s.runInput({ repeats: 4 }));
  const total = 16;
  const rows = () => db().evalResult.count({ where: { runId: run.id } });

  const first = startWorker();
  await until("the first results", async () => (await rows()) >= 3);
  first.child.kill("SIGTERM");
  const code = await new Promise<number | null>((resolve) => first.child.on("exit", resolve));
  expect(code, first.output()).toBe(0);

  const paused = await db().evalRun.findUniqueOrThrow({ where: { id: run.id } });
  expect(paused.status).toBe("running");
  expect(paused.leaseOwner).toBeNull();
  const before = await rows();
  expect(before).toBeGreaterThanOrEqual(3);
  expect(before).toBeLessThan(total);
  expect(first.output()).toContain("eval run paused");

  const second = startWorker();
  const done = await until("the resumed run to complete", async () => {
    const r = await db().evalRun.findUniqueOrThrow({ where: { id: run.id } });
    return r.status === "completed" ? r : null;
  });
  expect(done.finishedAt).not.toBeNull();
  const results = await db().evalResult.findMany({ where: { runId: run.id } });
  expect(results).toHaveLength(total);
  expect(new Set(results.map((r) => `${r.itemId}:${r.repeat}`)).size).toBe(total);
  const cost = results.reduce((sum, r) => sum + r.costUsd + r.judgeCostUsd, 0);
  expect(cost).toBeCloseTo(total * (0.0003 + 0.0006), 9);
  // at most the one call in flight at SIGTERM was made twice; nothing stored twice
  const generations = openai.requests.filter((r) => !isJudgeRequest(r) && JSON.stringify(r.body?.messages).includes("Answer from the context")).length;
  expect(generations).toBeGreaterThanOrEqual(total);
  expect(generations).toBeLessThanOrEqual(total + 1);
  second.child.kill("SIGTERM");
  await new Promise((resolve) => second.child.on("exit", resolve));
}, 120_000);
