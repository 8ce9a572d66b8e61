import { describe, expect, it } from "vitest";
import { describeFailures, evaluateGate } from "./gate";
import type { ApprovalEvidence, EvalEvidence, GateCheckId, GateInput, GateRules, ModelEvidence, ReleaseAction } from "./types";

const HASH = "h1";
const model = (over: Partial<ModelEvidence> = {}): ModelEvidence => ({ id: "m1", displayName: "gpt-4o-2024-08-06", region: "eu-west-1", floating: false, deprecatesAt: null, ...over });
const run = (over: Partial<EvalEvidence> = {}): EvalEvidence => ({
  runId: "r1", datasetName: "golden", status: "completed", items: 40,
  judge: { faithfulness: 4.2, relevance: 4.5 }, passRates: { contains: 0.9 },
  costPerRequestUsd: 0.0012, p95LatencyMs: 1800, languageGap: 0.3, judgeCalibrated: false, ...over,
});
const approval = (kind: ApprovalEvidence["kind"], userId: string, over: Partial<ApprovalEvidence> = {}): ApprovalEvidence => ({
  kind, decision: "approve", userId, userLabel: `User ${userId}`, contentHash: HASH, ...over,
});
const input = (over: Partial<GateInput> = {}): GateInput => ({
  release: { id: "rel1", version: "1.0.0", contentHash: HASH, authorId: "author", state: "evaluating" },
  models: [model()],
  evals: [run()],
  approvals: [],
  at: "2026-11-24T00:00:00.000Z",
  ...over,
});

function only(id: GateCheckId, i: GateInput, rules: GateRules, stage: ReleaseAction = "promote") {
  const result = evaluateGate(i, rules, 3, stage);
  const checks = result.checks.filter((c) => c.id === id);
  expect(checks.length, `${id} present`).toBeGreaterThan(0);
  return checks.length === 1 ? checks[0] : checks;
}
const single = (id: GateCheckId, i: GateInput, rules: GateRules, stage?: ReleaseAction) => {
  const c = only(id, i, rules, stage);
  if (Array.isArray(c)) throw new Error("expected one check");
  return c;
};

describe("evaluateGate: evaluation checks", () => {
  it("judge score: the lowest mean per dimension across datasets must meet the minimum", () => {
    const runs = [run({ judge: { faithfulness: 4.2 } }), run({ runId: "r2", datasetName: "uat", judge: { faithfulness: 3.8 } })];
    const pass = single("judge_score", input({ evals: runs }), { minJudgeScore: { faithfulness: 3.8 } });
    expect(pass).toMatchObject({ passed: true, actual: 3.8, required: 3.8 });
    const fail = single("judge_score", input({ evals: runs }), { minJudgeScore: { faithfulness: 4 } });
    expect(fail).toMatchObject({ passed: false, actual: 3.8, required: 4 });
    expect(fail.reason).toBe("Mean faithfulness on uat is 3.8, below the required 4.");
  });

  it("judge score: one check per dimension; a dimension nobody scored fails", () => {
    const checks = only("judge_score", input(), { minJudgeScore: { faithfulness: 4, completeness: 3 } });
    expect(Array.isArray(checks) && checks.map((c) => [c.label, c.passed])).toEqual([["Judge faithfulness ≥ 4", true], ["Judge completeness ≥ 3", false]]);
    expect((checks as { reason: string }[])[1].reason).toBe("No completed eval run has a judge completeness score.");
  });

  it("only completed runs count: a failed run's great numbers prove nothing", () => {
    const c = single("judge_score", input({ evals: [run({ status: "failed", judge: { faithfulness: 5 } })] }), { minJudgeScore: { faithfulness: 4 } });
    expect(c.passed).toBe(false);
    expect(c.actual).toBeNull();
  });

  it("pass rate: the worst deterministic scorer must reach the minimum (0.85 of 0.9 fails)", () => {
    const i = input({ evals: [run({ passRates: { contains: 0.95, "json-valid": 0.85 } })] });
    const fail = single("pass_rate", i, { minPassRate: 0.9 });
    expect(fail).toMatchObject({ passed: false, actual: 0.85, required: 0.9 });
    expect(fail.reason).toBe("json-valid on golden passes 85%, below the required 90%.");
    expect(single("pass_rate", i, { minPassRate: 0.85 }).passed).toBe(true);
    expect(single("pass_rate", input({ evals: [run({ passRates: {} })] }), { minPassRate: 0.5 }).passed).toBe(false);
  });

  it("regression: passes while the paired 95% upper bound of (candidate − production) stays ≥ −limit", () => {
    // candidate 0.4 below production, interval [−0.6, −0.2]: with a 0.25 limit the upper bound −0.2 ≥ −0.25 passes
    const regression = { "judge.faithfulness": { mean: -0.4, low: -0.6, high: -0.2, n: 40 }, contains: { mean: 0, low: -0.05, high: 0.05, n: 40 } };
    const i = input({ evals: [run({ regression })] });
    expect(single("regression", i, { maxRegression: 0.25 })).toMatchObject({ passed: true, actual: -0.2, required: -0.25 });
    // with a 0.1 limit it fails: even the optimistic end −0.2 is a drop of more than 0.1
    const fail = single("regression", i, { maxRegression: 0.1 });
    expect(fail).toMatchObject({ passed: false, actual: -0.2, required: -0.1 });
    expect(fail.reason).toContain("judge.faithfulness on golden regressed: change -0.4");
  });

  it("regression: no production release passes and says so; production without a comparable run fails", () => {
    const none = single("regression", input({ evals: [run({ regression: undefined })] }), { maxRegression: 0.1 });
    expect(none).toMatchObject({ passed: true, actual: null });
    expect(none.reason).toBe("No release is in production yet: nothing to regress against.");
    const empty = single("regression", input({ evals: [run({ regression: {} })] }), { maxRegression: 0.1 });
    expect(empty.passed).toBe(false);
    expect(empty.reason).toContain("Production has no completed run on the same dataset");
  });

  it("cost per request: the highest across runs must be within the limit ($0.0012 vs $0.001 fails)", () => {
    const fail = single("cost_per_request", input(), { maxCostPerRequestUsd: 0.001 });
    expect(fail).toMatchObject({ passed: false, actual: 0.0012, required: 0.001 });
    expect(fail.reason).toBe("Cost per request on golden is $0.0012, above the $0.001 limit.");
    expect(single("cost_per_request", input(), { maxCostPerRequestUsd: 0.0012 }).passed).toBe(true);
    expect(single("cost_per_request", input({ evals: [run({ costPerRequestUsd: null })] }), { maxCostPerRequestUsd: 1 }).passed).toBe(false);
  });

  it("p95 latency: 1800 ms passes a 2000 ms limit and fails a 1500 ms one", () => {
    expect(single("p95_latency", input(), { maxP95LatencyMs: 2000 })).toMatchObject({ passed: true, actual: 1800, required: 2000 });
    const fail = single("p95_latency", input(), { maxP95LatencyMs: 1500 });
    expect(fail).toMatchObject({ passed: false, actual: 1800 });
    expect(fail.reason).toBe("p95 latency on golden is 1800 ms, above the 1500 ms limit.");
  });

  it("language gap: |en − ar| 0.3 passes 0.5, fails 0.2; a negative gap counts by its size; one language only passes", () => {
    expect(single("language_gap", input(), { maxLanguageGap: 0.5 })).toMatchObject({ passed: true, actual: 0.3 });
    expect(single("language_gap", input(), { maxLanguageGap: 0.2 })).toMatchObject({ passed: false, actual: 0.3, required: 0.2 });
    expect(single("language_gap", input({ evals: [run({ languageGap: -0.7 })] }), { maxLanguageGap: 0.5 })).toMatchObject({ passed: false, actual: 0.7 });
    const mono = single("language_gap", input({ evals: [run({ languageGap: null })] }), { maxLanguageGap: 0.5 });
    expect(mono.passed).toBe(true);
    expect(mono.reason).toContain("No run has both Arabic and English");
  });

  it("required datasets: each needs a completed run of this release", () => {
    const fail = single("required_datasets", input(), { requiredDatasets: ["golden", "uat"] });
    expect(fail).toMatchObject({ passed: false, actual: 1, required: 2, reason: "No completed eval run of this release on uat." });
    const both = input({ evals: [run(), run({ runId: "r2", datasetName: "uat" })] });
    expect(single("required_datasets", both, { requiredDatasets: ["golden", "uat"] }).passed).toBe(true);
  });

  it("judge calibration: only checked when the policy forbids an uncalibrated judge", () => {
    expect(evaluateGate(input(), { allowUncalibratedJudge: true }, 1, "promote").checks).toEqual([]);
    expect(single("judge_calibration", input(), { allowUncalibratedJudge: false }).passed).toBe(false);
    expect(single("judge_calibration", input({ evals: [run({ judgeCalibrated: true })] }), { allowUncalibratedJudge: false }).passed).toBe(true);
  });
});

describe("evaluateGate: bundle checks", () => {
  it("floating models fail when forbidden and are named", () => {
    const i = input({ models: [model(), model({ id: "m2", displayName: "gpt-4o (latest)", floating: true })] });
    const fail = single("floating_models", i, { forbidFloatingModels: true }, "submit");
    expect(fail).toMatchObject({ passed: false, actual: 1, required: 0 });
    expect(fail.reason).toContain("gpt-4o (latest)");
    expect(single("floating_models", input(), { forbidFloatingModels: true }, "submit").passed).toBe(true);
    expect(evaluateGate(i, {}, null, "submit").passed).toBe(true);
  });

  it("deprecated models: a deprecation date on or before now fails; a future one passes", () => {
    const past = input({ models: [model({ deprecatesAt: "2026-11-24T00:00:00.000Z" })] });
    const fail = single("deprecated_models", past, { forbidDeprecatedModels: true }, "submit");
    expect(fail.passed).toBe(false);
    expect(fail.reason).toContain("deprecated 2026-11-24");
    expect(single("deprecated_models", input({ models: [model({ deprecatesAt: "2027-01-01T00:00:00.000Z" })] }), { forbidDeprecatedModels: true }, "submit").passed).toBe(true);
  });

  it("regions: every model must run in an allowed region; no stated region fails", () => {
    expect(single("regions", input(), { allowedRegions: ["eu-west-1", "eu-central-1"] }, "submit").passed).toBe(true);
    const fail = single("regions", input({ models: [model(), model({ id: "m2", displayName: "Fallback", region: "us-east-1" }), model({ id: "m3", displayName: "Emb", region: null })] }), { allowedRegions: ["eu-west-1"] }, "submit");
    expect(fail.passed).toBe(false);
    expect(fail.actual).toBe("Fallback: us-east-1, Emb: no region");
  });
});

describe("evaluateGate: people checks", () => {
  const rules: GateRules = { requiredReviews: 1, requiredSignoffs: 2, requireFinalApproval: true, fourEyes: true };

  it("reviews: counted when approving and bound to the current content hash", () => {
    expect(single("reviews", input(), rules, "review_passed")).toMatchObject({ passed: false, actual: 0, required: 1 });
    expect(single("reviews", input({ approvals: [approval("review", "rev", { contentHash: "old" })] }), rules, "review_passed").passed).toBe(false);
    expect(single("reviews", input({ approvals: [approval("review", "rev", { decision: "reject" })] }), rules, "review_passed").passed).toBe(false);
    expect(single("reviews", input({ approvals: [approval("review", "rev")] }), rules, "review_passed")).toMatchObject({ passed: true, actual: 1 });
  });

  it("sign-offs: 1 of 2 fails, 2 of 2 passes", () => {
    const one = input({ approvals: [approval("signoff", "a1")] });
    const fail = single("signoffs", one, rules, "approve");
    expect(fail).toMatchObject({ passed: false, actual: 1, required: 2 });
    expect(fail.reason).toBe("1 of 2 UAT sign-offs so far (User a1).");
    expect(single("signoffs", input({ approvals: [approval("signoff", "a1"), approval("signoff", "a2")] }), rules, "approve").passed).toBe(true);
  });

  it("final approval: needs one approving approval", () => {
    expect(single("final_approval", input(), rules, "approve").passed).toBe(false);
    expect(single("final_approval", input({ approvals: [approval("approval", "admin")] }), rules, "approve")).toMatchObject({ passed: true, actual: 1 });
  });

  it("four eyes: the author's own approval fails the check and does not count toward the numbers", () => {
    const own = input({ approvals: [approval("signoff", "author"), approval("signoff", "a2"), approval("approval", "admin")] });
    const result = evaluateGate(own, rules, 2, "approve");
    const byId = Object.fromEntries(result.checks.map((c) => [c.id, c]));
    expect(byId.four_eyes).toMatchObject({ passed: false, actual: 1, required: 0 });
    expect(byId.signoffs).toMatchObject({ passed: false, actual: 1 });
    expect(result.passed).toBe(false);
    expect(describeFailures(result)).toContain("The author cannot approve their own release");
    // without four eyes the author's sign-off counts
    const relaxed = evaluateGate(own, { ...rules, requiredReviews: 0, fourEyes: false }, 2, "approve");
    expect(relaxed.passed).toBe(true);
  });
});

describe("evaluateGate: human labels and agreement", () => {
  const rules: GateRules = { minLabelledItems: 20, minAgreement: 0.67 };
  const review = (labelledItems: number, agreement: { dimension: string; alpha: number | null; units: number }[]) => input({ humanReview: { labelledItems, agreement } });

  it("labelled items: 19 of 20 fails, 20 passes; no evidence counts as none", () => {
    expect(single("human_labels", review(19, []), rules, "review_passed")).toMatchObject({ passed: false, actual: 19, required: 20 });
    expect(single("human_labels", review(20, []), rules, "review_passed")).toMatchObject({ passed: true, actual: 20 });
    expect(single("human_labels", input(), rules, "review_passed")).toMatchObject({ passed: false, actual: 0 });
  });

  it("agreement: the weakest dimension decides; no doubly-labelled item fails and says why", () => {
    const mixed = review(30, [{ dimension: "faithfulness", alpha: 0.81, units: 12 }, { dimension: "relevance", alpha: 0.6, units: 12 }, { dimension: "tone", alpha: null, units: 0 }]);
    const fail = single("agreement", mixed, rules, "review_passed");
    expect(fail).toMatchObject({ passed: false, actual: 0.6, required: 0.67 });
    expect(fail.reason).toContain("relevance");
    expect(single("agreement", review(30, [{ dimension: "faithfulness", alpha: 0.81, units: 12 }]), rules, "review_passed")).toMatchObject({ passed: true, actual: 0.81 });
    const none = single("agreement", review(30, [{ dimension: "faithfulness", alpha: null, units: 0 }]), rules, "review_passed");
    expect(none).toMatchObject({ passed: false, actual: null });
    expect(none.reason).toContain("two annotators");
  });

  it("are review-stage checks: not asked before review, asked from review_passed on", () => {
    expect(evaluateGate(review(0, []), rules, 1, "request_review").checks.map((c) => c.id)).not.toContain("human_labels");
    expect(evaluateGate(review(0, []), rules, 1, "approve").checks.map((c) => c.id)).toEqual(expect.arrayContaining(["human_labels", "agreement"]));
  });
});

describe("evaluateGate: which checks apply at which step", () => {
  const rules: GateRules = {
    forbidFloatingModels: true, minJudgeScore: { faithfulness: 4 }, requiredReviews: 1, requiredSignoffs: 1, requireFinalApproval: true, fourEyes: true,
  };
  const ids = (stage: ReleaseAction) => evaluateGate(input(), rules, 7, stage).checks.map((c) => c.id);

  it("grows along the workflow and is empty for reject and rollback", () => {
    expect(ids("submit")).toEqual(["floating_models"]);
    expect(ids("request_review")).toEqual(["floating_models", "judge_score"]);
    expect(ids("review_passed")).toEqual(["floating_models", "judge_score", "reviews"]);
    expect(ids("approve")).toEqual(["floating_models", "judge_score", "reviews", "signoffs", "final_approval", "four_eyes"]);
    expect(ids("start_canary")).toEqual(ids("approve"));
    expect(ids("promote")).toEqual(ids("approve"));
    expect(ids("reject")).toEqual([]);
    expect(ids("rollback")).toEqual([]);
  });

  it("passes only when every applicable check passes, and carries the policy version", () => {
    const result = evaluateGate(input(), rules, 7, "request_review");
    expect(result).toMatchObject({ passed: true, policyVersion: 7 });
    expect(evaluateGate(input(), rules, 7, "review_passed").passed).toBe(false);
    expect(evaluateGate(input(), {}, null, "promote")).toEqual({ passed: true, policyVersion: null, checks: [] });
  });
});
