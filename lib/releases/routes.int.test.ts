import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createApiKey } from "../apikeys/service";
import { API_KEY_SCOPES } from "../authz/permissions";
import { startFakeOpenAIServer } from "../providers/testing/fake-openai-server";
import { isJudgeRequest, judgeReply } from "../evals/runs/test-fixtures";
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/projects/[project]/releases/route";
import { GET as getRoute, PATCH as patchRoute } from "../../app/api/v1/projects/[project]/releases/[id]/route";
import { POST as transitionRoute } from "../../app/api/v1/projects/[project]/releases/[id]/transitions/route";
import { POST as approvalRoute } from "../../app/api/v1/projects/[project]/releases/[id]/approvals/route";
import { GET as gateRoute } from "../../app/api/v1/projects/[project]/releases/[id]/gate/route";
import { GET as estimateRoute } from "../../app/api/v1/projects/[project]/releases/[id]/estimate/route";
import { GET as getPolicyRoute, POST as postPolicyRoute } from "../../app/api/v1/projects/[project]/gate-policy/route";
import { releaseProject } from "./test-fixtures";
import { POST as promoteRoute } from "../../app/api/v1/projects/[project]/environments/[env]/promote/route";
import { POST as canaryRoute } from "../../app/api/v1/projects/[project]/environments/[env]/canary/route";

// The public API through the real route handlers (apiRoute: real API keys, scopes, zod, error mapping).

let openai: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
beforeAll(async () => {
  openai = await startFakeOpenAIServer();
  openai.route = (r) => (isJudgeRequest(r) ? { type: "ok", text: judgeReply({ faithfulness: 5 }) } : undefined);
});
afterAll(async () => {
  await openai.close();
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function setup() {
  const s = await releaseProject({ baseUrl: openai.baseUrl });
  const all = await createApiKey(s.admin, { name: "everything", scopes: [...API_KEY_SCOPES] });
  const reader = await createApiKey(s.admin, { name: "read", scopes: ["registry:read"] });
  const base = `http://x/api/v1/projects/${s.project.slug}`;
  const send = async (handler: Handler, token: string, method: string, path: string, params: Record<string, string> = {}, body?: unknown) => {
    const res = await handler(
      new Request(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) }),
      { params: Promise.resolve({ project: s.project.slug, ...params }) },
    );
    return { status: res.status, json: await res.json() };
  };
  return { s, all: all.token, reader: reader.token, send };
}

describe("releases API", () => {
  it("cuts, reads, edits and moves a release with a key; refusals are 4xx with the reason", async () => {
    const { s, all, reader, send } = await setup();
    const body = { version: "1.2.0", notes: "first", prompts: { answer: s.prompt.id }, modelVersionId: s.model.id, fallbackModelVersionIds: [s.judgeModel.id] };

    expect((await send(createRoute, reader, "POST", "/releases", {}, body)).status).toBe(403);
    const bad = await send(createRoute, all, "POST", "/releases", {}, { ...body, version: "one", modelVersionId: "nope" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues.map((i: { field: string }) => i.field)).toEqual(["version"]);
    const unknown = await send(createRoute, all, "POST", "/releases", {}, { ...body, modelVersionId: "nope" });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.issues).toEqual([{ field: "modelVersionId", message: 'no model version "nope" in this project' }]);

    const created = await send(createRoute, all, "POST", "/releases", {}, body);
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect(created.json).toMatchObject({ state: "draft", version: "1.2.0", authorId: null, fallbacks: [{ id: s.judgeModel.id }] });

    const patched = await send(patchRoute, all, "PATCH", `/releases/${id}`, { id }, { notes: "second" });
    expect(patched.json.notes).toBe("second");
    expect((await send(listRoute, reader, "GET", "/releases?state=draft", {})).json.releases.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await send(listRoute, reader, "GET", "/releases?state=drafty", {})).status).toBe(422);

    const submitted = await send(transitionRoute, all, "POST", `/releases/${id}/transitions`, { id }, { action: "submit" });
    expect(submitted).toMatchObject({ status: 200, json: { release: { id, state: "evaluating" }, gate: { passed: true } } });
    expect((await send(patchRoute, all, "PATCH", `/releases/${id}`, { id }, { notes: "third" })).status).toBe(409);
    expect((await send(transitionRoute, all, "POST", `/releases/${id}/transitions`, { id }, { action: "reject" })).status).toBe(422);
    expect((await send(transitionRoute, all, "POST", `/releases/${id}/transitions`, { id }, { action: "fly" })).status).toBe(422);

    // no evidence yet: the gate says what is missing, with the numbers
    const gate = await send(gateRoute, reader, "GET", `/releases/${id}/gate`, { id });
    expect(gate.status).toBe(200);
    expect(gate.json.checks.find((c: { id: string }) => c.id === "judge_score")).toMatchObject({ passed: false, actual: null, required: 3.5 });
    const refused = await send(transitionRoute, all, "POST", `/releases/${id}/transitions`, { id }, { action: "request_review" });
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toContain("The gate refuses");

    // people-only steps refuse the key outright
    const approval = await send(approvalRoute, all, "POST", `/releases/${id}/approvals`, { id }, { kind: "review", decision: "approve" });
    expect(approval.status).toBe(403);
    const detail = await send(getRoute, reader, "GET", `/releases/${id}`, { id });
    expect(detail.json).toMatchObject({ state: "evaluating", approvals: [] });
    expect(detail.json.transitions).toHaveLength(2);
  });

  it("an API key with every scope cannot promote around a failing gate: 422, nothing moves", async () => {
    const { s, all, send } = await setup();
    await s.evaluate();
    const release = await s.cut();
    const id = release.id;
    const act = (action: string, reason?: string) => send(transitionRoute, all, "POST", `/releases/${id}/transitions`, { id }, { action, ...(reason ? { reason } : {}) });
    expect((await act("submit")).status).toBe(200);
    expect((await act("request_review")).status).toBe(200);
    // no review: review_passed fails the gate; promote is not even a move from here
    const review = await act("review_passed");
    expect(review.status).toBe(422);
    expect(review.json.error.message).toContain("0 of 1 approving review so far");
    expect(review.json.error.issues).toEqual([{ field: "gate.reviews", message: "0 of 1 approving review so far." }]);
    expect((await act("promote")).status).toBe(409);

    // people do their part; the admin approves; then the policy tightens
    const { recordApproval, applyReleaseAction } = await import("./workflow");
    await recordApproval(s.reviewer, id, { kind: "review", decision: "approve" });
    expect((await act("review_passed")).status).toBe(200);
    await recordApproval(s.approver, id, { kind: "signoff", decision: "approve" });
    expect((await act("approve")).status).toBe(403);
    await applyReleaseAction(s.admin, id, "approve");
    const tightened = await send(postPolicyRoute, all, "POST", "/gate-policy", {}, { rules: { maxP95LatencyMs: 1, minJudgeScore: { faithfulness: 3 } } });
    expect(tightened.status).toBe(403);
    const { createGatePolicy } = await import("./policy");
    await createGatePolicy(s.admin, { rules: { maxP95LatencyMs: 1, minJudgeScore: { faithfulness: 3 } } });

    const before = { release: await db().release.findUniqueOrThrow({ where: { id } }), transitions: await db().releaseTransition.count({ where: { releaseId: id } }), audits: await db().auditEvent.count({ where: { resourceId: id } }) };
    // the releases API does not move environments; the environments API does, through the gate
    const direct = await act("promote");
    expect(direct.status).toBe(409);
    expect(direct.json.error.message).toContain("/environments/{env}/promote");
    const promote = await send(promoteRoute, all, "POST", "/environments/production/promote", { env: "production" }, { release: id });
    expect(promote.status).toBe(422);
    expect(promote.json.error.message).toMatch(/p95 latency ≤ 1 ms: p95 latency on golden is \d+ ms, above the 1 ms limit\./);
    const canary = await send(canaryRoute, all, "POST", "/environments/production/canary", { env: "production" }, { release: id, percent: 10 });
    // (a canary needs a stable release to be compared with: refused before the gate here)
    expect(canary.status).toBe(409);
    const production = await db().environment.findFirst({ where: { projectId: s.project.id, name: "production" } });
    expect(production?.stableReleaseId ?? null).not.toBe(id);
    expect(production?.canaryReleaseId ?? null).toBeNull();
    expect(await db().release.findUniqueOrThrow({ where: { id } })).toEqual(before.release);
    expect(await db().releaseTransition.count({ where: { releaseId: id } })).toBe(before.transitions);
    expect(await db().auditEvent.count({ where: { resourceId: id } })).toBe(before.audits);
  });

  it("gate policy: the default until one is saved; bad thresholds are a 422 naming the rule", async () => {
    const { s, reader, send } = await setup();
    const current = await send(getPolicyRoute, reader, "GET", "/gate-policy");
    expect(current).toMatchObject({ status: 200, json: { isDefault: true, version: null, rules: { fourEyes: true, minJudgeScore: { faithfulness: 3.5 } } } });
    // project:write is not a key scope: keys read the policy, people (admins) change it
    const { createGatePolicy, getGatePolicy } = await import("./policy");
    const { AppError } = await import("../errors");
    const bad = await createGatePolicy(s.admin, { rules: { minPassRate: 2 } } as never).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as InstanceType<typeof AppError>).status).toBe(422);
    expect((bad as InstanceType<typeof AppError>).issues).toEqual([{ field: "rules.minPassRate", message: "the pass rate must be at most 1" }]);
    await createGatePolicy(s.admin, { rules: { minPassRate: 0.9 } });
    await createGatePolicy(s.admin, { rules: { minPassRate: 0.95, fourEyes: true } });
    expect(await getGatePolicy(s.engineer)).toMatchObject({ version: 2, isDefault: false, rules: { minPassRate: 0.95, fourEyes: true } });
    expect((await db().auditEvent.findMany({ where: { projectId: s.project.id, action: "gate_policy.create" } })).length).toBe(2);
    expect((await createGatePolicy(s.engineer, { rules: {} }).catch((e: unknown) => e)) as { status: number }).toMatchObject({ status: 403 });
  });

  it("estimates a release's cost before launch from its candidate's eval tokens and the model's prices", async () => {
    const { s, reader, send } = await setup();
    const release = await s.cut();
    const id = release.id;
    const none = await send(estimateRoute, reader, "GET", `/releases/${id}/estimate?requestsPerDay=1000`, { id });
    expect(none.status).toBe(422);
    expect(none.json.error.message).toMatch(/No completed eval run/);

    await s.evaluate();
    const bad = await send(estimateRoute, reader, "GET", `/releases/${id}/estimate?requestsPerDay=0`, { id });
    expect(bad.status).toBe(422);
    const res = await send(estimateRoute, reader, "GET", `/releases/${id}/estimate?requestsPerDay=1000`, { id });
    expect(res.status).toBe(200);
    const e = res.json;
    // the candidate's own calls, priced per million tokens
    const results = await db().evalResult.aggregate({ where: { runId: e.evalRuns[0].id, status: "ok" }, _avg: { inputTokens: true, outputTokens: true } });
    expect(e.tokensPerRequest.input).toBeCloseTo(results._avg.inputTokens ?? 0, 6);
    expect(e.costPerRequestUsd).toBeCloseTo((e.tokensPerRequest.input * e.model.inputPricePerMTok + e.tokensPerRequest.output * e.model.outputPricePerMTok) / 1e6, 12);
    expect(e.costPerRequestUsd).toBeGreaterThan(0);
    expect(e.dailyUsd).toBeCloseTo(e.costPerRequestUsd * 1000, 9);
    expect(e.monthlyUsd).toBeCloseTo(e.dailyUsd * 30, 9);
  });
});
