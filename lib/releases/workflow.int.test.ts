import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError } from "../errors";
import { API_KEY_SCOPES } from "../authz/permissions";
import { startFakeOpenAIServer } from "../providers/testing/fake-openai-server";
import { isJudgeRequest, judgeReply } from "../evals/runs/test-fixtures";
import { createGatePolicy, getGatePolicy } from "./policy";
import { getRelease, listReleases, releaseGate, updateRelease } from "./service";
import { applyReleaseAction, recordApproval, transitionRelease } from "./workflow";
import { everyScopeKey, releaseProject, type ReleaseSetup } from "./test-fixtures";

// The release workflow against real PostgreSQL, with evidence from eval runs that the real engine ran
// against a fake OpenAI server.

let openai: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
beforeAll(async () => {
  openai = await startFakeOpenAIServer();
});
afterAll(async () => {
  await openai.close();
});
beforeEach(() => {
  openai.reset();
  // a good candidate: faithful answers (judge 5/4/4); the weak one (its answers say "no idea") gets 2s
  openai.route = (r) => {
    if (!isJudgeRequest(r)) return undefined;
    const weak = JSON.stringify(r.body?.messages ?? "").includes("no idea");
    return { type: "ok", text: judgeReply(weak ? { faithfulness: 2, relevance: 2, completeness: 2 } : { faithfulness: 5, relevance: 4, completeness: 4 }) };
  };
  openai.defaultStep = { type: "ok", text: "Refunds are accepted within 30 days." };
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError");
}

const transitions = (releaseId: string) => db().releaseTransition.findMany({ where: { releaseId }, orderBy: { createdAt: "asc" } });
const audits = (releaseId: string) => db().auditEvent.findMany({ where: { resourceId: releaseId }, orderBy: { seq: "asc" } });

/** Counts of everything a refused action must leave alone. */
async function snapshot(s: ReleaseSetup, releaseId: string) {
  const r = await db().release.findUniqueOrThrow({ where: { id: releaseId } });
  return {
    state: r.state, contentHash: r.contentHash,
    transitions: await db().releaseTransition.count({ where: { releaseId } }),
    approvals: await db().releaseApproval.count({ where: { releaseId } }),
    audits: await db().auditEvent.count({ where: { resourceId: releaseId } }),
    notifications: await db().notification.count({ where: { projectId: s.project.id } }),
  };
}

/** A release taken to `approved` by the right people, with evidence from a real eval run. */
async function approvedRelease(s: ReleaseSetup) {
  await s.evaluate();
  const release = await s.cut();
  await applyReleaseAction(s.engineer, release.id, "submit");
  await applyReleaseAction(s.engineer, release.id, "request_review");
  await recordApproval(s.reviewer, release.id, { kind: "review", decision: "approve" });
  await applyReleaseAction(s.engineer, release.id, "review_passed");
  await recordApproval(s.approver, release.id, { kind: "signoff", decision: "approve", scenarios: [{ itemKey: "refund-window", verdict: "accept" }] });
  const detail = await recordApproval(s.admin, release.id, { kind: "approval", decision: "approve" });
  expect(detail.state).toBe("approved");
  return detail;
}

describe("release workflow", () => {
  it("takes a release from draft to approved and into production, each step gated, recorded, audited and notified", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl });
    const run = await s.evaluate();
    const release = await s.cut({ version: "1.0.0" });
    expect(release).toMatchObject({ state: "draft", version: "1.0.0", authorLabel: s.engineer.label, prompts: { answer: { name: "support", version: 1 } } });
    expect(release.contentHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await applyReleaseAction(s.engineer, release.id, "submit")).release.state).toBe("evaluating");
    // the evidence the gate reads is the real run's: faithfulness 5, contains passes 4 of 4, no production yet
    const toReview = await applyReleaseAction(s.engineer, release.id, "request_review");
    expect(toReview.release.state).toBe("in_review");
    const judge = toReview.gate.checks.find((c) => c.id === "judge_score")!;
    expect(judge).toMatchObject({ passed: true, actual: 5, required: 3.5 });
    expect(toReview.gate.checks.find((c) => c.id === "pass_rate")).toMatchObject({ passed: true, actual: 1, required: 0.8 });
    expect(toReview.gate.checks.find((c) => c.id === "regression")).toMatchObject({ passed: true, reason: "No release is in production yet: nothing to regress against." });
    expect(toReview.gate.checks.find((c) => c.id === "language_gap")).toMatchObject({ passed: true, actual: 0 });

    // reviewers were told; the review is bound to the content hash
    const inbox = await db().notification.findMany({ where: { projectId: s.project.id }, orderBy: { createdAt: "asc" } });
    expect(inbox.find((n) => n.kind === "release.awaiting_review")).toMatchObject({ roles: ["REVIEWER", "ADMIN"], href: `/p/${s.project.slug}/releases/${release.id}` });
    const reviewed = await recordApproval(s.reviewer, release.id, { kind: "review", decision: "approve", comment: "answers are grounded" });
    expect(reviewed.approvals).toEqual([expect.objectContaining({ kind: "review", decision: "approve", userId: s.reviewer.kind === "user" ? s.reviewer.userId : "", contentHash: release.contentHash, current: true })]);

    await applyReleaseAction(s.engineer, release.id, "review_passed");
    expect((await listReleases(s.approver, { state: ["awaiting_signoff"] })).map((r) => r.id)).toEqual([release.id]);
    await recordApproval(s.approver, release.id, { kind: "signoff", decision: "approve", scenarios: [{ itemKey: "refund-ar", verdict: "accept" }, { itemKey: "sim-ar", verdict: "flag", comment: "tone" }] });
    // the gate for approval now lacks only the final approval
    const pending = await releaseGate(s.admin, release.id);
    expect(pending.checks.filter((c) => !c.passed).map((c) => c.id)).toEqual(["final_approval"]);

    const approved = await recordApproval(s.admin, release.id, { kind: "approval", decision: "approve" });
    expect(approved.state).toBe("approved");
    const promoted = await applyReleaseAction(s.admin, release.id, "promote");
    expect(promoted.release.state).toBe("production");

    const detail = await getRelease(s.as("VIEWER"), release.id);
    expect(detail.transitions.map((t) => `${t.fromState ?? "∅"}→${t.toState}`)).toEqual([
      "∅→draft", "draft→evaluating", "evaluating→in_review", "in_review→awaiting_signoff", "awaiting_signoff→approved", "approved→production",
    ]);
    // every gated transition stored the result it was allowed with, under the default policy
    for (const t of detail.transitions.slice(1)) expect(t.gateResult).toMatchObject({ passed: true, policyVersion: null });
    expect(detail.transitions[2].gateResult!.checks.map((c) => c.id)).toContain("judge_score");
    expect(detail.submittedAt).not.toBeNull();
    const actions = (await audits(release.id)).map((a) => a.action);
    expect(actions).toEqual(["release.create", "release.submit", "release.request_review", "release.review", "release.review_passed", "release.signoff", "release.approval", "release.approve", "release.promote"]);
    const promoteAudit = (await audits(release.id)).at(-1)!;
    expect(promoteAudit.after).toMatchObject({ state: "production", gate: { passed: true } });
    const kinds = (await db().notification.findMany({ where: { projectId: s.project.id } })).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(["release.awaiting_review", "release.awaiting_signoff", "release.approved", "release.promoted"]));
    expect(run.id).toBeTruthy();
  });

  it("compares with production: a weaker candidate fails the judge and regression checks with the numbers", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl });
    const prod = await approvedRelease(s);
    await applyReleaseAction(s.admin, prod.id, "promote");

    const { createPromptVersion } = await import("../registry/prompts/service");
    const { ZCreatePromptVersion } = await import("../registry/prompts/schemas");
    const v2 = await createPromptVersion(s.admin, ZCreatePromptVersion.parse({
      name: "support",
      messages: [{ role: "system", content: "Answer briefly.\n\nContext:\n{{context}}" }, { role: "user", content: "{{question}}" }],
      variables: [{ name: "context", type: "string", required: true }, { name: "question", type: "string", required: true }],
      params: { temperature: 0 }, modelVersionId: s.model.id, changelog: "shorter",
    }));
    openai.defaultStep = { type: "ok", text: "30, no idea otherwise." };
    await s.evaluate({ prompt: { name: "support", version: v2.version } });
    const weak = await s.cut({ prompts: { answer: v2.id } });
    await applyReleaseAction(s.engineer, weak.id, "submit");

    const gate = await releaseGate(s.engineer, weak.id);
    const byId = Object.fromEntries(gate.checks.map((c) => [c.id, c]));
    // every item drops from 5 to 2: the paired difference is exactly −3, interval [−3, −3]
    expect(byId.regression).toMatchObject({ passed: false, actual: -3, required: -0.5 });
    expect(byId.judge_score).toMatchObject({ passed: false, actual: 2, required: 3.5 });
    const before = await snapshot(s, weak.id);
    const err = await errorOf(applyReleaseAction(s.engineer, weak.id, "request_review"));
    expect(err.status).toBe(422);
    expect(err.message).toContain("Judge faithfulness ≥ 3.5: Mean faithfulness on golden is 2, below the required 3.5.");
    expect(err.issues!.map((i) => i.field)).toEqual(expect.arrayContaining(["gate.judge_score", "gate.regression"]));
    expect(await snapshot(s, weak.id)).toEqual(before);
  });

  it("supersedes production on promotion and restores it on rollback", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl });
    const first = await approvedRelease(s);
    await applyReleaseAction(s.admin, first.id, "promote");
    const second = await approvedRelease(s);
    await applyReleaseAction(s.engineer, second.id, "start_canary");
    await applyReleaseAction(s.engineer, second.id, "promote");
    expect((await getRelease(s.admin, first.id)).state).toBe("superseded");
    expect((await getRelease(s.admin, first.id)).transitions.at(-1)).toMatchObject({ toState: "superseded", reason: `superseded by ${second.version}` });

    const rolled = await applyReleaseAction(s.engineer, second.id, "rollback", { reason: "error rate doubled" });
    expect(rolled.release.state).toBe("rolled_back");
    expect((await getRelease(s.admin, first.id)).state).toBe("production");
    const note = await db().notification.findFirst({ where: { projectId: s.project.id, kind: "release.rolled_back" } });
    expect(note?.title).toContain("error rate doubled");
  });
});

describe("refusals change nothing", () => {
  it("refuses a move the state machine does not allow (409) and a transition without evidence (422)", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl });
    const release = await s.cut();
    const draft = await snapshot(s, release.id);
    const err = await errorOf(applyReleaseAction(s.admin, release.id, "promote"));
    expect(err.status).toBe(409);
    expect(err.message).toBe("Cannot promote a release that is a draft (promote): from here it can only submit.");
    expect(await snapshot(s, release.id)).toEqual(draft);

    await applyReleaseAction(s.engineer, release.id, "submit");
    const before = await snapshot(s, release.id);
    const noEvidence = await errorOf(applyReleaseAction(s.engineer, release.id, "request_review"));
    expect(noEvidence.status).toBe(422);
    expect(noEvidence.message).toContain("No completed eval run has a judge faithfulness score.");
    expect(await snapshot(s, release.id)).toEqual(before);
  });

  it("a release is immutable once submitted; a draft's edit changes its hash", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl });
    const release = await s.cut();
    const edited = await updateRelease(s.engineer, release.id, { notes: "new notes", fallbackModelVersionIds: [s.judgeModel.id] });
    expect(edited.fallbacks.map((f) => f.id)).toEqual([s.judgeModel.id]);
    expect(edited.contentHash).not.toBe(release.contentHash);
    await applyReleaseAction(s.engineer, release.id, "submit");
    const before = await snapshot(s, release.id);
    const err = await errorOf(updateRelease(s.engineer, release.id, { notes: "sneaky" }));
    expect(err.status).toBe(409);
    expect(err.message).toContain("immutable once submitted");
    expect(await snapshot(s, release.id)).toEqual(before);
  });

  it("refuses a bundle naming another project's version, naming the field", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl });
    const other = await releaseProject({ kind: "offline" });
    const err = await errorOf(s.cut({ prompts: { answer: s.prompt.id, router: other.prompt.id }, fallbackModelVersionIds: [other.model.id] }));
    expect(err.status).toBe(422);
    expect(err.issues).toEqual([
      { field: "prompts.router", message: `no prompt version "${other.prompt.id}" in this project` },
      { field: "fallbackModelVersionIds.0", message: `no model version "${other.model.id}" in this project` },
    ]);
    const dup = await errorOf(s.cut({ version: "2.0.0" }).then(() => s.cut({ version: "2.0.0" })));
    expect(dup.status).toBe(409);
    expect(await db().release.count({ where: { projectId: s.project.id } })).toBe(1);
  });

  it("refuses floating and deprecated models when the policy forbids them, and lets them through when it does not", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl });
    const { createModelVersion } = await import("../registry/models/service");
    const fields = {
      connectionId: s.connection.id, inputPricePerMTok: 1, outputPricePerMTok: 1, cachedPricePerMTok: null, priceAsOf: "2025-01-01",
      contextWindow: 128_000, maxOutputTokens: 4096, capabilities: ["chat" as const],
    };
    const floating = await createModelVersion(s.admin, { ...fields, providerModelId: "gpt-4o", displayName: "gpt-4o (floating)", floating: true });
    const old = await createModelVersion(s.admin, { ...fields, providerModelId: "gpt-3.5-turbo-0613", displayName: "Old", floating: false, deprecatesAt: "2025-06-01" });
    const release = await s.cut({ fallbackModelVersionIds: [floating.id, old.id] });
    const before = await snapshot(s, release.id);
    const err = await errorOf(applyReleaseAction(s.engineer, release.id, "submit"));
    expect(err.status).toBe(422);
    expect(err.message).toContain("pin a dated version instead of gpt-4o (floating)");
    expect(err.message).toContain("Old (deprecated 2025-06-01)");
    expect(await snapshot(s, release.id)).toEqual(before);

    await createGatePolicy(s.admin, { rules: { forbidFloatingModels: false, forbidDeprecatedModels: false } });
    expect((await getGatePolicy(s.engineer)).version).toBe(1);
    expect((await applyReleaseAction(s.engineer, release.id, "submit")).release.state).toBe("evaluating");
  });

  it("four eyes: the author cannot review, sign off or approve their own release (403)", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl });
    await s.evaluate();
    const release = await s.cut({}, s.admin);
    await applyReleaseAction(s.admin, release.id, "submit");
    await applyReleaseAction(s.admin, release.id, "request_review");
    const before = await snapshot(s, release.id);
    const err = await errorOf(recordApproval(s.admin, release.id, { kind: "review", decision: "approve" }));
    expect(err.status).toBe(403);
    expect(err.message).toContain("Four eyes: you cut release");
    expect(await snapshot(s, release.id)).toEqual(before);

    await recordApproval(s.reviewer, release.id, { kind: "review", decision: "approve" });
    await applyReleaseAction(s.admin, release.id, "review_passed");
    await recordApproval(s.approver, release.id, { kind: "signoff", decision: "approve" });
    const mid = await snapshot(s, release.id);
    expect((await errorOf(applyReleaseAction(s.admin, release.id, "approve"))).status).toBe(403);
    expect((await errorOf(recordApproval(s.admin, release.id, { kind: "approval", decision: "approve" }))).status).toBe(403);
    expect(await snapshot(s, release.id)).toEqual(mid);
    // another admin may
    expect((await applyReleaseAction(s.admin2, release.id, "approve")).release.state).toBe("approved");
  });

  it("a reviewer's rejection rejects the release with the reason and tells the author", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl });
    await s.evaluate();
    const release = await s.cut();
    await applyReleaseAction(s.engineer, release.id, "submit");
    await applyReleaseAction(s.engineer, release.id, "request_review");
    expect((await errorOf(recordApproval(s.reviewer, release.id, { kind: "review", decision: "reject" }))).status).toBe(422);
    const rejected = await recordApproval(s.reviewer, release.id, { kind: "review", decision: "reject", comment: "cites the wrong policy" });
    expect(rejected.state).toBe("rejected");
    expect(rejected.transitions.at(-1)).toMatchObject({ toState: "rejected", reason: "review rejected: cites the wrong policy" });
    const note = await db().notification.findFirst({ where: { projectId: s.project.id, kind: "release.rejected" } });
    expect(note).toMatchObject({ userId: s.engineer.kind === "user" ? s.engineer.userId : "" });
    expect((await errorOf(applyReleaseAction(s.engineer, release.id, "submit"))).status).toBe(409);
  });

  it("API keys cannot review, sign off or approve, whatever their scopes", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl });
    await s.evaluate();
    const release = await s.cut();
    const key = everyScopeKey(s.project.id, API_KEY_SCOPES);
    await applyReleaseAction(key, release.id, "submit");
    await applyReleaseAction(key, release.id, "request_review");
    const before = await snapshot(s, release.id);
    for (const kind of ["review", "signoff", "approval"] as const) {
      const err = await errorOf(recordApproval(key, release.id, { kind, decision: "approve" }));
      expect(err.status).toBe(403);
      expect(err.message).toContain("a person's word");
    }
    expect((await errorOf(applyReleaseAction(key, release.id, "approve"))).status).toBe(403);
    expect(await snapshot(s, release.id)).toEqual(before);
  });

  it("an API key with every scope cannot promote around a failing gate", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl });
    const release = await approvedRelease(s);
    // the policy tightens after approval: the candidate's cost per request is now above the limit
    await createGatePolicy(s.admin, { rules: { maxCostPerRequestUsd: 0.000001, minJudgeScore: { faithfulness: 3.5 } } });
    const key = everyScopeKey(s.project.id, API_KEY_SCOPES);
    const before = await snapshot(s, release.id);
    for (const action of ["promote", "start_canary"] as const) {
      const err = await errorOf(db().$transaction((tx) => transitionRelease(tx, key, release.id, action)));
      expect(err.status).toBe(422);
      expect(err.message).toContain("Cost per request ≤ $0.000001");
      expect(err.message).toContain("policy v1");
    }
    expect(await snapshot(s, release.id)).toEqual(before);
    expect((await transitions(release.id)).at(-1)!.toState).toBe("approved");
  });
});
