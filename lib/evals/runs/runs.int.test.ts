import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../db";
import { AppError } from "../../errors";
import { startFakeOpenAIServer } from "../../providers/testing/fake-openai-server";
import { createEvalRun } from "./create-run";
import { executeEvalRun } from "./execute";
import { cancelEvalRun, getEvalRun } from "./service";
import { evalProject, isJudgeRequest, judgeReply, SAMPLE_ITEMS } from "./test-fixtures";
import type { RunSummary } from "./types";

// The run engine against real Postgres and a fake OpenAI server speaking the wire protocol.

let openai: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
beforeAll(async () => {
  openai = await startFakeOpenAIServer();
});
afterAll(async () => {
  await openai.close();
});
beforeEach(() => {
  openai.reset();
  openai.route = (r) => (isJudgeRequest(r) ? { type: "ok", text: judgeReply({ faithfulness: 5, relevance: 4, completeness: 3 }), usage: { input: 100, output: 20 } } : undefined);
  openai.defaultStep = { type: "ok", text: "Refunds are accepted within 30 days.", usage: { input: 50, output: 10 } };
});

const generationCalls = () => openai.requests.filter((r) => r.path.endsWith("/chat/completions") && !isJudgeRequest(r)).length;
const judgeCalls = () => openai.requests.filter((r) => isJudgeRequest(r)).length;
const results = (runId: string) => db().evalResult.findMany({ where: { runId }, orderBy: [{ itemPosition: "asc" }, { repeat: "asc" }] });

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError");
}

describe("an eval run", () => {
  it("runs every item × repeat, scores it, judges it and records candidate and judge cost apart", async () => {
    const s = await evalProject({ baseUrl: openai.baseUrl });
    const run = await createEvalRun(s.admin, s.runInput({ repeats: 2 }));
    expect(run.status).toBe("queued");
    expect(run.progress).toMatchObject({ done: 0, total: SAMPLE_ITEMS.length * 2 });

    const outcome = await executeEvalRun(s.project.id, run.id, { workerId: "w1" });
    expect(outcome).toEqual({ ran: true, status: "completed", written: 8 });
    expect(generationCalls()).toBe(8);
    expect(judgeCalls()).toBe(8);

    const rows = await results(run.id);
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => `${r.itemKey}:${r.repeat}`)).size).toBe(8);
    const first = rows[0];
    expect(first.status).toBe("ok");
    // 50 in × $3/M + 10 out × $15/M; the judge: 100 in, 20 out
    expect(first.costUsd).toBeCloseTo(0.0003, 9);
    expect(first.judgeCostUsd).toBeCloseTo(0.0006, 9);
    expect(first.judgeInputTokens).toBe(100);
    expect(first.scores).toMatchObject({
      contains: { score: 1, passed: true },
      "judge.faithfulness": { raw: 5, score: 1, passed: true, explanation: "faithfulness looks fine" },
      "judge.completeness": { raw: 3, passed: false },
    });
    // the candidate saw the item's context through the prompt's context variable
    expect(JSON.stringify(first.messages)).toContain("Refunds are accepted within 30 days of purchase.");

    const detail = await getEvalRun(s.as("VIEWER"), run.id);
    expect(detail.status).toBe("completed");
    expect(detail.progress).toMatchObject({ done: 8, total: 8, failed: 0 });
    expect(detail.progress.costUsd).toBeCloseTo(8 * 0.0009, 9);
    const summary = detail.summary as RunSummary;
    const faith = summary.overall.metrics.find((m) => m.key === "judge.faithfulness")!;
    expect(faith.mean?.estimate).toBe(5);
    expect(faith.mean?.n).toBe(4); // items, not item × repeat
    expect(Object.keys(summary.byLanguage)).toEqual(["ar", "en"]);
    expect(summary.overall.cost.judge).toBeCloseTo(8 * 0.0006, 9);

    const events = await db().auditEvent.findMany({ where: { resourceId: run.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["eval_run.create", "eval_run.completed"]);
  });

  it("never writes a slot twice: a second worker cannot take a held run, and a re-run after completion does nothing", async () => {
    const s = await evalProject({ baseUrl: openai.baseUrl });
    const run = await createEvalRun(s.admin, s.runInput());
    openai.defaultStep = { type: "ok", text: "Refunds are accepted within 30 days.", delayMs: 100 };
    const [a, b] = await Promise.all([
      executeEvalRun(s.project.id, run.id, { workerId: "w1" }),
      executeEvalRun(s.project.id, run.id, { workerId: "w2" }),
    ]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect(await executeEvalRun(s.project.id, run.id, { workerId: "w3" })).toMatchObject({ ran: false });
    expect(await results(run.id)).toHaveLength(SAMPLE_ITEMS.length);
    expect(generationCalls()).toBe(SAMPLE_ITEMS.length);
  });

  it("resumes after a worker stops mid-run: done slots are skipped and cost is counted once", async () => {
    const s = await evalProject({ baseUrl: openai.baseUrl, maxConcurrency: 1 });
    const run = await createEvalRun(s.admin, s.runInput({ repeats: 2 }));
    openai.defaultStep = { type: "ok", text: "Refunds are accepted within 30 days.", delayMs: 60, usage: { input: 50, output: 10 } };
    const shutdown = new AbortController();
    const first = executeEvalRun(s.project.id, run.id, { workerId: "w1", signal: shutdown.signal });
    // stop once a few results are in, with calls in flight
    while ((await db().evalResult.count({ where: { runId: run.id } })) < 3) await new Promise((r) => setTimeout(r, 20));
    shutdown.abort();
    const paused = await first;
    expect(paused).toMatchObject({ ran: true, status: "paused" });
    const mid = await db().evalRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(mid.status).toBe("running");
    expect(mid.leaseOwner).toBeNull();
    const writtenBefore = await db().evalResult.count({ where: { runId: run.id } });
    expect(writtenBefore).toBeLessThan(8);

    const second = await executeEvalRun(s.project.id, run.id, { workerId: "w2" });
    expect(second).toEqual({ ran: true, status: "completed", written: 8 - writtenBefore });
    const rows = await results(run.id);
    expect(rows).toHaveLength(8);
    const detail = await getEvalRun(s.admin, run.id);
    expect(detail.progress.costUsd).toBeCloseTo(8 * 0.0009, 9);
  });

  it("stops cleanly at the cost cap and says why", async () => {
    const s = await evalProject({ baseUrl: openai.baseUrl, maxConcurrency: 1 });
    // each slot costs $0.0009 (candidate + judge); the cap is reached after the second
    const run = await createEvalRun(s.admin, s.runInput({ repeats: 3, costCapUsd: 0.0015 }));
    const outcome = await executeEvalRun(s.project.id, run.id, { workerId: "w1" });
    expect(outcome).toMatchObject({ ran: true, status: "stopped" });
    const detail = await getEvalRun(s.admin, run.id);
    expect(detail.status).toBe("stopped");
    expect(detail.stopReason).toMatch(/cost cap/);
    expect(detail.progress.done).toBeLessThan(12);
    expect(detail.progress.done).toBeGreaterThanOrEqual(2);
  });

  it("is cancelled by a person while running; results so far are kept", async () => {
    const s = await evalProject({ baseUrl: openai.baseUrl, maxConcurrency: 1 });
    const run = await createEvalRun(s.admin, s.runInput({ repeats: 10 }));
    openai.defaultStep = { type: "ok", text: "Refunds are accepted within 30 days.", delayMs: 80 };
    const running = executeEvalRun(s.project.id, run.id, { workerId: "w1" });
    while ((await db().evalResult.count({ where: { runId: run.id } })) < 1) await new Promise((r) => setTimeout(r, 20));
    await cancelEvalRun(s.as("ENGINEER"), run.id);
    expect(await running).toMatchObject({ ran: true, status: "cancelled" });
    const detail = await getEvalRun(s.admin, run.id);
    expect(detail.status).toBe("cancelled");
    expect(detail.progress.done).toBeGreaterThan(0);
    expect(detail.progress.done).toBeLessThan(40);
    expect((await errorOf(cancelEvalRun(s.admin, run.id))).code).toBe("CONFLICT");
    await expect(cancelEvalRun(s.as("VIEWER"), run.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("cancels a queued run nobody has taken at once", async () => {
    const s = await evalProject({ baseUrl: openai.baseUrl });
    const run = await createEvalRun(s.admin, s.runInput());
    const cancelled = await cancelEvalRun(s.admin, run.id);
    expect(cancelled.status).toBe("cancelled");
    expect(await executeEvalRun(s.project.id, run.id, { workerId: "w1" })).toMatchObject({ ran: false });
  });
});

describe("failures are shown where they happened, never as zero", () => {
  it("a judge that answers prose gets one repair request; prose twice fails the judge scores with the reply kept", async () => {
    const s = await evalProject({ baseUrl: openai.baseUrl, maxConcurrency: 1, items: SAMPLE_ITEMS.slice(0, 2) });
    openai.route = (r) => {
      if (!isJudgeRequest(r)) return undefined;
      const conversation = JSON.stringify(r.body?.messages);
      // item refund-window: prose, then valid JSON after the repair request; item roaming: prose both times
      if (conversation.includes("How long do refunds take?")) {
        return { type: "ok", text: conversation.includes("could not be used") ? judgeReply({ faithfulness: 4 }) : "The answer is good, I'd say a 4." };
      }
      return { type: "ok", text: "Looks great to me!" };
    };
    const run = await createEvalRun(s.admin, s.runInput());
    await executeEvalRun(s.project.id, run.id, { workerId: "w1" });
    const [repaired, broken] = await results(run.id);
    expect(repaired.status).toBe("ok");
    expect(repaired.scores).toMatchObject({ "judge.faithfulness": { raw: 4 } });
    expect(broken.status).toBe("failed");
    expect(broken.errorStage).toBe("judge");
    expect(broken.error).toMatch(/did not reply with JSON.*after one repair request/);
    expect(broken.judgeRaw).toBe("Looks great to me!");
    expect(broken.scores).toMatchObject({ contains: { score: 1 }, "judge.relevance": { error: expect.stringMatching(/JSON/) } });
    expect(Object.values(broken.scores as object).some((e) => (e as { score?: number }).score === 0)).toBe(false);
    // the repair continued the conversation: the judge saw its own reply and the correction
    const repair = openai.requests.filter(isJudgeRequest).find((r) => JSON.stringify(r.body?.messages).includes("How long do refunds take?") && r.body?.messages && (r.body.messages as unknown[]).length > 2)!;
    expect(JSON.stringify(repair.body?.messages)).toContain("could not be used");
  });

  it("a provider timeout fails the item at generation with the reason; a scorer the item cannot feed fails that score", async () => {
    const s = await evalProject({ baseUrl: openai.baseUrl, maxConcurrency: 1, timeoutMs: 300, items: SAMPLE_ITEMS });
    // the first item's generation stalls on every attempt (timeouts are retried)
    openai.route = (r) => (JSON.stringify(r.body?.messages).includes("How long do refunds take?") ? { type: "ok", delayMs: 2000 } : undefined);
    const run = await createEvalRun(s.admin, s.runInput({ scorers: [{ type: "exact-match" }], judge: undefined }));
    await executeEvalRun(s.project.id, run.id, { workerId: "w1" });
    const rows = await results(run.id);
    expect(rows[0]).toMatchObject({ status: "failed", errorStage: "generation", output: null });
    expect(rows[0].error).toMatch(/^timeout/);
    // sim-ar has no reference: exact-match cannot score it
    const noRef = rows.find((r) => r.itemKey === "sim-ar")!;
    expect(noRef).toMatchObject({ status: "failed", errorStage: "scorer:exact-match" });
    expect(noRef.scores).toMatchObject({ "exact-match": { error: expect.stringMatching(/reference answer/) } });
    const detail = await getEvalRun(s.admin, run.id);
    expect(detail.progress.failed).toBe(2);
    const exact = (detail.summary as RunSummary).overall.metrics.find((m) => m.key === "exact-match")!;
    // the item without a reference, and the item whose generation timed out (it never got this score)
    expect(exact.errors).toBe(2);
    expect(exact.mean?.n).toBe(2);
  });
});

describe("edge cases found in review", () => {
  it("a judge prompt that requires a reference fails the judge scores of items without one, and the run completes", async () => {
    const s = await evalProject({ baseUrl: openai.baseUrl, maxConcurrency: 1 });
    const { createPromptVersion } = await import("../../registry/prompts/service");
    const { ZCreatePromptVersion } = await import("../../registry/prompts/schemas");
    const { DEFAULT_JUDGE_PROMPT } = await import("../judge");
    await createPromptVersion(s.admin, ZCreatePromptVersion.parse({
      ...DEFAULT_JUDGE_PROMPT, name: "strict-judge", changelog: "needs a reference",
      variables: DEFAULT_JUDGE_PROMPT.variables.map((v) => (v.name === "reference" ? { ...v, required: true } : v)), modelVersionId: s.judgeModel.id,
    }));
    const run = await createEvalRun(s.admin, s.runInput({ judge: { prompt: { name: "strict-judge" }, modelVersionId: s.judgeModel.id } }));
    expect(await executeEvalRun(s.project.id, run.id, { workerId: "w1" })).toMatchObject({ ran: true, status: "completed", written: 4 });
    const noRef = (await results(run.id)).find((r) => r.itemKey === "sim-ar")!;
    expect(noRef).toMatchObject({ status: "failed", errorStage: "judge" });
    expect(noRef.error).toMatch(/"reference" is required/);
  });

  it("a running run whose worker is gone (lease expired) is cancelled at once", async () => {
    const s = await evalProject({ baseUrl: openai.baseUrl });
    const run = await createEvalRun(s.admin, s.runInput());
    await db().evalRun.update({ where: { id: run.id }, data: { status: "running", leaseOwner: "dead-worker", leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect((await cancelEvalRun(s.admin, run.id)).status).toBe("cancelled");
  });
});

describe("creating a run refuses bad input before anything runs", () => {
  it("names the field for each problem and writes nothing", async () => {
    const s = await evalProject({ baseUrl: openai.baseUrl });
    const before = await db().evalRun.count({ where: { projectId: s.project.id } });
    const badScorer = await errorOf(createEvalRun(s.admin, s.runInput({ scorers: [{ type: "contains", config: { values: [] } }] })));
    expect(badScorer.issues?.[0]?.field).toBe("scorers.0.config");

    const { createPromptVersion } = await import("../../registry/prompts/service");
    const { ZCreatePromptVersion } = await import("../../registry/prompts/schemas");
    await createPromptVersion(s.admin, ZCreatePromptVersion.parse({
      name: "narrow", messages: [{ role: "user", content: "{{query}}" }], variables: [{ name: "query", type: "string" }], modelVersionId: s.model.id, changelog: "x",
    }));
    const undeclared = await errorOf(createEvalRun(s.admin, s.runInput({ prompt: { name: "narrow" } })));
    expect(undeclared.message).toMatch(/"question" is not a variable of narrow v1/);
    expect(undeclared.message).toMatch(/"query" is required/);

    const judgeWithoutAnswer = await errorOf(createEvalRun(s.admin, s.runInput({ judge: { prompt: { name: "narrow" }, modelVersionId: s.judgeModel.id } })));
    expect(judgeWithoutAnswer.issues?.[0]?.field).toBe("judge.prompt");

    const wrongModel = await errorOf(createEvalRun(s.admin, s.runInput({ modelVersionId: "nope" })));
    expect(wrongModel.code).toBe("NOT_FOUND");
    await expect(createEvalRun(s.as("VIEWER"), s.runInput())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().evalRun.count({ where: { projectId: s.project.id } })).toBe(before);
  });
});
