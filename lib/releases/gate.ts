import type { ApprovalEvidence, EvalEvidence, GateCheck, GateCheckId, GateInput, GateResult, GateRules, ReleaseAction } from "./types";

// The gate engine (issue 6, "Releases and gates"): one pure function from (release, policy, evidence)
// to a per-check verdict with the numbers behind it. The server runs it before every transition and
// stores its result with the transition; the release page shows it as a checklist.
//
// Which checks apply grows along the workflow, so nothing proven at an earlier step can silently
// stop holding later (a newer, worse eval run blocks the approval too):
//   submit          the bundle itself: floating / deprecated models, data residency
//   request_review  + evaluation: judge scores, regression, pass rate, cost, p95 latency, language gap, datasets, judge calibration
//   review_passed   + human review
//   approve         + UAT sign-offs, the final approval, four eyes
//   start_canary, promote   everything
//   reject, rollback        nothing: stopping a release is never blocked by the gate

type Stage = "bundle" | "evaluation" | "review" | "approval";

const STAGES_OF: Record<ReleaseAction, Stage[]> = {
  submit: ["bundle"],
  request_review: ["bundle", "evaluation"],
  review_passed: ["bundle", "evaluation", "review"],
  approve: ["bundle", "evaluation", "review", "approval"],
  start_canary: ["bundle", "evaluation", "review", "approval"],
  promote: ["bundle", "evaluation", "review", "approval"],
  reject: [],
  rollback: [],
};

const fmt = (n: number, digits = 2) => Number(n.toFixed(digits));
const usd = (n: number) => `$${n.toFixed(6).replace(/0+$/, "").replace(/\.$/, "")}`;

function check(id: GateCheckId, label: string, passed: boolean, actual: GateCheck["actual"], required: GateCheck["required"], reason: string): GateCheck {
  return { id, label, passed, actual, required, reason };
}

/** The runs the gate reads: completed ones only (a failed or cancelled run proves nothing). */
const completed = (evals: EvalEvidence[]) => evals.filter((e) => e.status === "completed");

function bundleChecks(input: GateInput, rules: GateRules): GateCheck[] {
  const out: GateCheck[] = [];
  if (rules.forbidFloatingModels) {
    const floating = input.models.filter((m) => m.floating);
    out.push(check(
      "floating_models", "No floating model aliases", floating.length === 0, floating.length, 0,
      floating.length === 0
        ? "Every model is pinned to a provider version."
        : `The policy forbids floating aliases; pin a dated version instead of ${floating.map((m) => m.displayName).join(", ")}.`,
    ));
  }
  if (rules.forbidDeprecatedModels) {
    const at = Date.parse(input.at);
    const deprecated = input.models.filter((m) => m.deprecatesAt !== null && Date.parse(m.deprecatesAt) <= at);
    out.push(check(
      "deprecated_models", "No deprecated model versions", deprecated.length === 0, deprecated.length, 0,
      deprecated.length === 0
        ? "No model is past its deprecation date."
        : `The policy forbids deprecated models: ${deprecated.map((m) => `${m.displayName} (deprecated ${m.deprecatesAt!.slice(0, 10)})`).join(", ")}.`,
    ));
  }
  if (rules.allowedRegions) {
    const allowed = new Set(rules.allowedRegions);
    const outside = input.models.filter((m) => m.region === null || !allowed.has(m.region));
    out.push(check(
      "regions", `Models run in ${rules.allowedRegions.join(", ")}`, outside.length === 0,
      outside.length === 0 ? "all inside" : outside.map((m) => `${m.displayName}: ${m.region ?? "no region"}`).join(", "), rules.allowedRegions.join(", "),
      outside.length === 0
        ? "Every model runs in an allowed region."
        : `Data residency: ${outside.map((m) => `${m.displayName} runs in ${m.region ?? "an unstated region"}`).join(", ")}; allowed: ${rules.allowedRegions.join(", ")}.`,
    ));
  }
  return out;
}

function judgeChecks(runs: EvalEvidence[], rules: GateRules): GateCheck[] {
  return Object.entries(rules.minJudgeScore ?? {}).map(([dimension, min]) => {
    const scored = runs.filter((r) => typeof r.judge[dimension] === "number");
    const label = `Judge ${dimension} ≥ ${min}`;
    if (scored.length === 0) return check("judge_score", label, false, null, min, `No completed eval run has a judge ${dimension} score.`);
    const worst = scored.reduce((a, b) => (b.judge[dimension] < a.judge[dimension] ? b : a));
    const actual = fmt(worst.judge[dimension]);
    const passed = worst.judge[dimension] >= min;
    return check("judge_score", label, passed, actual, min, passed
      ? `Lowest mean ${dimension} ${actual} (${worst.datasetName}) meets ${min}.`
      : `Mean ${dimension} on ${worst.datasetName} is ${actual}, below the required ${min}.`);
  });
}

function regressionChecks(runs: EvalEvidence[], rules: GateRules): GateCheck[] {
  if (rules.maxRegression === undefined) return [];
  const limit = rules.maxRegression;
  const label = `No regression worse than ${limit} against production`;
  const compared = runs.filter((r) => r.regression && Object.keys(r.regression).length > 0);
  if (compared.length === 0) {
    // The evidence gatherer leaves `regression` out when there is no production release; an empty
    // object means production exists but has no comparable run.
    const noProduction = runs.every((r) => r.regression === undefined);
    return [check("regression", label, noProduction, null, -limit, noProduction
      ? "No release is in production yet: nothing to regress against."
      : "Production has no completed run on the same dataset with shared scores; evaluate both on one dataset.")];
  }
  let worst: { key: string; run: EvalEvidence; high: number; mean: number } | null = null;
  for (const run of compared) {
    for (const [key, d] of Object.entries(run.regression!)) {
      if (!worst || d.high < worst.high) worst = { key, run, high: d.high, mean: d.mean };
    }
  }
  const w = worst!;
  const passed = w.high >= -limit;
  return [check("regression", label, passed, fmt(w.high, 3), -limit, passed
    ? `Worst: ${w.key} on ${w.run.datasetName}, change ${fmt(w.mean, 3)} (95% upper bound ${fmt(w.high, 3)} ≥ −${limit}).`
    : `${w.key} on ${w.run.datasetName} regressed: change ${fmt(w.mean, 3)}, and even the 95% upper bound ${fmt(w.high, 3)} is below −${limit}.`)];
}

function passRateChecks(runs: EvalEvidence[], rules: GateRules): GateCheck[] {
  if (rules.minPassRate === undefined) return [];
  const min = rules.minPassRate;
  const label = `Deterministic pass rate ≥ ${fmt(min * 100, 1)}%`;
  const rates = runs.flatMap((r) => Object.entries(r.passRates).map(([key, rate]) => ({ key, rate, run: r })));
  if (rates.length === 0) return [check("pass_rate", label, false, null, min, "No completed eval run has a deterministic scorer with a pass rate.")];
  const worst = rates.reduce((a, b) => (b.rate < a.rate ? b : a));
  const passed = worst.rate >= min;
  return [check("pass_rate", label, passed, fmt(worst.rate, 4), min, passed
    ? `Lowest pass rate ${fmt(worst.rate * 100, 1)}% (${worst.key} on ${worst.run.datasetName}) meets ${fmt(min * 100, 1)}%.`
    : `${worst.key} on ${worst.run.datasetName} passes ${fmt(worst.rate * 100, 1)}%, below the required ${fmt(min * 100, 1)}%.`)];
}

/** The largest of a per-run figure across runs; null when no run has it. */
function worstOf(runs: EvalEvidence[], value: (r: EvalEvidence) => number | null) {
  let worst: { run: EvalEvidence; value: number } | null = null;
  for (const run of runs) {
    const v = value(run);
    if (v !== null && (!worst || v > worst.value)) worst = { run, value: v };
  }
  return worst;
}

function costLatencyGapChecks(runs: EvalEvidence[], rules: GateRules): GateCheck[] {
  const out: GateCheck[] = [];
  if (rules.maxCostPerRequestUsd !== undefined) {
    const max = rules.maxCostPerRequestUsd;
    const worst = worstOf(runs, (r) => r.costPerRequestUsd);
    const label = `Cost per request ≤ ${usd(max)}`;
    out.push(!worst
      ? check("cost_per_request", label, false, null, max, "No completed eval run measured the cost per request.")
      : check("cost_per_request", label, worst.value <= max, worst.value, max, worst.value <= max
        ? `Highest cost per request ${usd(worst.value)} (${worst.run.datasetName}) is within ${usd(max)}.`
        : `Cost per request on ${worst.run.datasetName} is ${usd(worst.value)}, above the ${usd(max)} limit.`));
  }
  if (rules.maxP95LatencyMs !== undefined) {
    const max = rules.maxP95LatencyMs;
    const worst = worstOf(runs, (r) => r.p95LatencyMs);
    const label = `p95 latency ≤ ${max} ms`;
    out.push(!worst
      ? check("p95_latency", label, false, null, max, "No completed eval run measured latency.")
      : check("p95_latency", label, worst.value <= max, Math.round(worst.value), max, worst.value <= max
        ? `Highest p95 ${Math.round(worst.value)} ms (${worst.run.datasetName}) is within ${max} ms.`
        : `p95 latency on ${worst.run.datasetName} is ${Math.round(worst.value)} ms, above the ${max} ms limit.`));
  }
  if (rules.maxLanguageGap !== undefined) {
    const max = rules.maxLanguageGap;
    const worst = worstOf(runs, (r) => (r.languageGap === null ? null : Math.abs(r.languageGap)));
    const label = `Arabic–English gap ≤ ${max}`;
    out.push(!worst
      ? check("language_gap", label, true, null, max, "No run has both Arabic and English items: nothing to compare.")
      : check("language_gap", label, worst.value <= max, fmt(worst.value, 3), max, worst.value <= max
        ? `Largest gap ${fmt(worst.value, 3)} (${worst.run.datasetName}) is within ${max}.`
        : `Arabic and English differ by ${fmt(worst.value, 3)} on ${worst.run.datasetName}, more than ${max}.`));
  }
  return out;
}

function datasetChecks(runs: EvalEvidence[], rules: GateRules): GateCheck[] {
  if (!rules.requiredDatasets?.length) return [];
  const have = new Set(runs.map((r) => r.datasetName));
  const missing = rules.requiredDatasets.filter((d) => !have.has(d));
  return [check(
    "required_datasets", `Evaluated on ${rules.requiredDatasets.join(", ")}`, missing.length === 0,
    rules.requiredDatasets.length - missing.length, rules.requiredDatasets.length,
    missing.length === 0 ? "Every required dataset has a completed run of this release." : `No completed eval run of this release on ${missing.join(", ")}.`,
  )];
}

function calibrationChecks(runs: EvalEvidence[], rules: GateRules): GateCheck[] {
  if (rules.allowUncalibratedJudge !== false) return [];
  const judged = runs.filter((r) => Object.keys(r.judge).length > 0);
  const uncalibrated = judged.filter((r) => !r.judgeCalibrated);
  return [check(
    "judge_calibration", "Judge calibrated against human labels", uncalibrated.length === 0, judged.length - uncalibrated.length, judged.length,
    uncalibrated.length === 0
      ? "Every judge that gates is calibrated."
      : `The policy does not let an uncalibrated judge gate; calibrate the judge used on ${uncalibrated.map((r) => r.datasetName).join(", ")}.`,
  )];
}

/** Approving decisions bound to the release as it is now (a changed bundle carries none of them); under four eyes the author's own never count. */
function approving(input: GateInput, kind: ApprovalEvidence["kind"], rules: GateRules) {
  const author = rules.fourEyes ? input.release.authorId : null;
  return input.approvals.filter((a) => a.kind === kind && a.decision === "approve" && a.contentHash === input.release.contentHash && (author === null || a.userId !== author));
}

function countCheck(id: GateCheckId, noun: string, have: ApprovalEvidence[], need: number): GateCheck {
  const passed = have.length >= need;
  return check(id, `${need} ${noun}${need === 1 ? "" : "s"}`, passed, have.length, need, passed
    ? `${have.length} of ${need}: ${have.map((a) => a.userLabel).join(", ") || "none needed"}.`
    : `${have.length} of ${need} ${noun}${need === 1 ? "" : "s"} so far${have.length ? ` (${have.map((a) => a.userLabel).join(", ")})` : ""}.`);
}

function reviewChecks(input: GateInput, rules: GateRules): GateCheck[] {
  const out = rules.requiredReviews ? [countCheck("reviews", "approving review", approving(input, "review", rules), rules.requiredReviews)] : [];
  return [...out, ...humanLabelChecks(input, rules)];
}

function humanLabelChecks(input: GateInput, rules: GateRules): GateCheck[] {
  const review = input.humanReview ?? { labelledItems: 0, agreement: [] };
  const out: GateCheck[] = [];
  if (rules.minLabelledItems) {
    const need = rules.minLabelledItems;
    const passed = review.labelledItems >= need;
    out.push(check("human_labels", `${need} gold-labelled item${need === 1 ? "" : "s"}`, passed, review.labelledItems, need, passed
      ? `${review.labelledItems} of the candidate's eval items have a gold human label.`
      : `${review.labelledItems} of ${need} so far: put the candidate's eval run in a labelling queue and label its items.`));
  }
  if (rules.minAgreement !== undefined) {
    const min = rules.minAgreement;
    const label = `Annotator agreement (Krippendorff's α) ≥ ${fmt(min, 2)}`;
    const measured = review.agreement.filter((a) => a.alpha !== null);
    if (measured.length === 0) {
      out.push(check("agreement", label, false, null, min, "No item has labels from two annotators yet: a queue with two or more annotators per item measures agreement."));
    } else {
      const worst = measured.reduce((a, b) => (b.alpha! < a.alpha! ? b : a));
      const passed = worst.alpha! >= min;
      out.push(check("agreement", label, passed, fmt(worst.alpha!, 3), min, passed
        ? `Lowest: ${worst.dimension} α = ${fmt(worst.alpha!, 3)} on ${worst.units} items.`
        : `${worst.dimension}: α = ${fmt(worst.alpha!, 3)} on ${worst.units} items — annotators disagree; tighten the guidelines and adjudicate.`));
    }
  }
  return out;
}

function approvalChecks(input: GateInput, rules: GateRules): GateCheck[] {
  const out: GateCheck[] = [];
  if (rules.requiredSignoffs) out.push(countCheck("signoffs", "UAT sign-off", approving(input, "signoff", rules), rules.requiredSignoffs));
  if (rules.requireFinalApproval) {
    const finals = approving(input, "approval", rules);
    out.push(check("final_approval", "Final approval", finals.length > 0, finals.length, 1, finals.length > 0
      ? `Approved by ${finals.map((a) => a.userLabel).join(", ")}.`
      : "No final approval yet (someone with releases:approve approves the release)."));
  }
  if (rules.fourEyes) {
    const author = input.release.authorId;
    const own = author ? input.approvals.filter((a) => a.userId === author && a.decision === "approve" && a.contentHash === input.release.contentHash) : [];
    out.push(check("four_eyes", "Four eyes: the author does not approve", own.length === 0, own.length, 0, own.length === 0
      ? "No review, sign-off or approval is the author's own."
      : `The author cannot approve their own release (their ${own.map((a) => a.kind).join(", ")} does not count); someone else must.`));
  }
  return out;
}

export function evaluateGate(input: GateInput, rules: GateRules, policyVersion: number | null, stage: ReleaseAction): GateResult {
  const stages = new Set(STAGES_OF[stage]);
  const runs = completed(input.evals);
  const checks: GateCheck[] = [];
  if (stages.has("bundle")) checks.push(...bundleChecks(input, rules));
  if (stages.has("evaluation")) {
    checks.push(
      ...datasetChecks(runs, rules), ...judgeChecks(runs, rules), ...passRateChecks(runs, rules), ...regressionChecks(runs, rules),
      ...costLatencyGapChecks(runs, rules), ...calibrationChecks(runs, rules),
    );
  }
  if (stages.has("review")) checks.push(...reviewChecks(input, rules));
  if (stages.has("approval")) checks.push(...approvalChecks(input, rules));
  return { passed: checks.every((c) => c.passed), policyVersion, checks };
}

/** "Gate failed: …" — the failing checks' reasons, for a 422 a person can act on. */
export function describeFailures(result: GateResult): string {
  return result.checks.filter((c) => !c.passed).map((c) => `${c.label}: ${c.reason}`).join(" ");
}
