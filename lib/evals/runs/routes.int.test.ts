import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../apikeys/service";
import { startFakeOpenAIServer } from "../../providers/testing/fake-openai-server";
import { queue } from "../../queue/queue";
import { POST as createRoute, GET as listRoute } from "../../../app/api/v1/projects/[project]/eval-runs/route";
import { GET as getRoute } from "../../../app/api/v1/projects/[project]/eval-runs/[id]/route";
import { POST as cancelRoute } from "../../../app/api/v1/projects/[project]/eval-runs/[id]/cancel/route";
import { GET as resultsRoute } from "../../../app/api/v1/projects/[project]/eval-runs/[id]/results/route";
import { GET as resultRoute } from "../../../app/api/v1/projects/[project]/eval-runs/[id]/results/[resultId]/route";
import { GET as compareRoute } from "../../../app/api/v1/projects/[project]/eval-runs/[id]/compare/route";
import { sweepEvalRuns } from "./dispatch";
import { executeEvalRun } from "./execute";
import { evalProject, isJudgeRequest, judgeReply } from "./test-fixtures";

// The public API through the real route handlers (apiRoute: API keys, scopes, zod, error mapping),
// with the job really put on the BullMQ queue in Redis.

let openai: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
beforeAll(async () => {
  openai = await startFakeOpenAIServer();
  openai.route = (r) => (isJudgeRequest(r) ? { type: "ok", text: judgeReply() } : undefined);
});
afterAll(async () => {
  await openai.close();
});

async function setup() {
  const s = await evalProject({ baseUrl: openai.baseUrl });
  const writer = await createApiKey(s.admin, { name: "ci", scopes: ["evals:write"] });
  const reader = await createApiKey(s.admin, { name: "read", scopes: ["registry:read"] });
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const url = (path = "") => `http://x/api/v1/projects/${s.project.slug}/eval-runs${path}`;
  const ctx = (extra: Record<string, string> = {}) => ({ params: Promise.resolve({ project: s.project.slug, ...extra }) });
  const body = { dataset: "golden", prompt: { name: "support" }, scorers: [{ type: "contains", config: { values: ["30"] } }], judge: { prompt: { name: "judge-default" }, modelVersionId: s.judgeModel.id } };
  const post = (token: string, json: unknown) =>
    createRoute(new Request(url(), { method: "POST", headers: { "content-type": "application/json", ...auth(token) }, body: JSON.stringify(json) }), ctx());
  return { s, writer: writer.token, reader: reader.token, auth, url, ctx, body, post };
}

describe("eval-runs API", () => {
  it("POST answers 202 with the queued run and puts its job on the queue; GET reports progress and the summary", async () => {
    const t = await setup();
    const res = await t.post(t.writer, t.body);
    expect(res.status).toBe(202);
    const created = await res.json();
    expect(created).toMatchObject({ id: expect.any(String), status: "queued", progress: { done: 0, total: 4, failed: 0 } });
    const job = await queue().getJob(`eval-run-${created.id}`);
    expect(job?.data).toEqual({ projectId: t.s.project.id, runId: created.id });

    await executeEvalRun(t.s.project.id, created.id, { workerId: "api-test" });
    for (const token of [t.writer, t.reader]) {
      const got = await getRoute(new Request(t.url(`/${created.id}`), { headers: t.auth(token) }), t.ctx({ id: created.id }));
      expect(got.status).toBe(200);
      const run = await got.json();
      expect(run).toMatchObject({ id: created.id, status: "completed", progress: { done: 4, total: 4, failed: 0 } });
      expect(run.summary.overall.metrics.map((m: { key: string }) => m.key)).toEqual(["contains", "judge.faithfulness", "judge.relevance", "judge.completeness"]);
    }
    const list = await (await listRoute(new Request(t.url(), { headers: t.auth(t.reader) }), t.ctx())).json();
    expect(list.runs.map((r: { id: string }) => r.id)).toContain(created.id);

    const page = await (await resultsRoute(new Request(t.url(`/${created.id}/results?limit=3`), { headers: t.auth(t.reader) }), t.ctx({ id: created.id }))).json();
    expect(page.results).toHaveLength(3);
    expect(page.nextCursor).not.toBeNull();
    const rest = await (await resultsRoute(new Request(t.url(`/${created.id}/results?limit=3&cursor=${page.nextCursor}`), { headers: t.auth(t.reader) }), t.ctx({ id: created.id }))).json();
    expect(rest.results.map((r: { itemKey: string }) => r.itemKey)).toEqual(["sim-ar"]);
    const one = await (await resultRoute(new Request(t.url(`/${created.id}/results/${rest.results[0].id}`), { headers: t.auth(t.reader) }), t.ctx({ id: created.id, resultId: rest.results[0].id }))).json();
    expect(one).toMatchObject({ itemKey: "sim-ar", inputs: { question: "كيف أفعّل شريحة جديدة؟" }, scores: { "judge.relevance": { raw: 4, explanation: "relevance looks fine" } } });
    expect(one.messages[1].content).toBe("كيف أفعّل شريحة جديدة؟");

    // a second run compared with the first, through the API
    const second = await (await t.post(t.writer, { ...t.body, baselineRunId: created.id })).json();
    await executeEvalRun(t.s.project.id, second.id, { workerId: "api-test" });
    const compared = await (await compareRoute(new Request(t.url(`/${second.id}/compare?baseline=${created.id}`), { headers: t.auth(t.reader) }), t.ctx({ id: second.id }))).json();
    expect(compared.metrics.find((m: { key: string }) => m.key === "judge.faithfulness")).toMatchObject({ baselineMean: 4, candidateMean: 4, verdict: "no-change" });
    expect(compared.items).toHaveLength(4);
  });

  it("refuses bad input with 422 naming the field, wrong scopes with 403, and another project's run with 404", async () => {
    const t = await setup();
    const bad = await t.post(t.writer, { ...t.body, scorers: [{ type: "vibes" }] });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].field).toBe("scorers.0.type");
    const noScorer = await t.post(t.writer, { ...t.body, scorers: [], judge: undefined });
    expect(noScorer.status).toBe(422);
    expect((await t.post(t.reader, t.body)).status).toBe(403);

    const other = await setup();
    const theirs = await (await other.post(other.writer, other.body)).json();
    const peek = await getRoute(new Request(t.url(`/${theirs.id}`), { headers: t.auth(t.writer) }), t.ctx({ id: theirs.id }));
    expect(peek.status).toBe(404);
    const cancel = await cancelRoute(new Request(t.url(`/${theirs.id}/cancel`), { method: "POST", headers: t.auth(t.writer) }), t.ctx({ id: theirs.id }));
    expect(cancel.status).toBe(404);
  });

  it("a run whose job Redis lost is dispatched again by the sweep", async () => {
    const t = await setup();
    const created = await (await t.post(t.writer, t.body)).json();
    await (await queue().getJob(`eval-run-${created.id}`))?.remove();
    expect(await queue().getJob(`eval-run-${created.id}`)).toBeUndefined();
    await sweepEvalRuns();
    expect((await queue().getJob(`eval-run-${created.id}`))?.data).toMatchObject({ runId: created.id });
  });
});
