import type { GateRules } from "@/lib/releases/types";

// The gate policy form's fields, one per rule of lib/releases/policy.ts (the server validates; this
// only turns what was typed into a rules object: an empty box leaves the rule out).

type RuleKey = Exclude<keyof GateRules, "minJudgeScore">;
export interface RuleField {
  key: RuleKey;
  label: string;
  kind: "number" | "int" | "boolean" | "list";
  hint: string;
  step?: string;
}

export const RULE_SECTIONS: { title: string; fields: RuleField[] }[] = [
  {
    title: "Evaluation",
    fields: [
      { key: "minPassRate", label: "Minimum deterministic pass rate", kind: "number", step: "0.01", hint: "0–1; the worst deterministic scorer must reach it." },
      { key: "maxRegression", label: "Largest regression against production", kind: "number", step: "0.05", hint: "On each score's own scale: the paired 95% upper bound of (candidate − production) must stay above −limit." },
      { key: "maxCostPerRequestUsd", label: "Maximum cost per request (USD)", kind: "number", step: "0.0001", hint: "The candidate's tokens × the pinned model's prices, mean over the eval run." },
      { key: "maxP95LatencyMs", label: "Maximum p95 latency (ms)", kind: "int", hint: "Of the candidate's generations in its eval runs." },
      { key: "maxLanguageGap", label: "Maximum Arabic–English gap", kind: "number", step: "0.1", hint: "|mean(ar) − mean(en)| of the main score." },
      { key: "requiredDatasets", label: "Required datasets", kind: "list", hint: "Comma-separated names; each needs a completed eval run of the release." },
      { key: "allowUncalibratedJudge", label: "Let a judge not calibrated against human labels gate", kind: "boolean", hint: "Calibration: Evaluations → Judge calibration." },
    ],
  },
  {
    title: "Human review",
    fields: [
      { key: "requiredReviews", label: "Approving technical reviews", kind: "int", hint: "People with releases:review." },
      { key: "minLabelledItems", label: "Gold-labelled eval items", kind: "int", hint: "Human labels on the candidate's eval run items (a labelling queue on the run)." },
      { key: "minAgreement", label: "Minimum annotator agreement (Krippendorff's α)", kind: "number", step: "0.01", hint: "On every rubric dimension, over items with two or more labels; 0.67 is a common floor, 0.8 good." },
    ],
  },
  {
    title: "Sign-off and approval",
    fields: [
      { key: "requiredSignoffs", label: "UAT sign-offs", kind: "int", hint: "Business approvers (releases:signoff), bound to the content hash." },
      { key: "requireFinalApproval", label: "Require a final approval", kind: "boolean", hint: "By someone with releases:approve." },
      { key: "fourEyes", label: "Four eyes: the author cannot review, sign off or approve", kind: "boolean", hint: "" },
    ],
  },
  {
    title: "Models",
    fields: [
      { key: "allowedRegions", label: "Allowed data-residency regions", kind: "list", hint: "Comma-separated, e.g. eu-west-1; every model the release sends data to must run in one." },
      { key: "forbidFloatingModels", label: "Refuse floating model aliases", kind: "boolean", hint: "" },
      { key: "forbidDeprecatedModels", label: "Refuse deprecated model versions", kind: "boolean", hint: "" },
    ],
  },
  {
    title: "Canary monitor",
    fields: [
      { key: "canaryMinSample", label: "Traces each side before deciding", kind: "int", hint: "" },
      { key: "canaryWindowMinutes", label: "Window (minutes)", kind: "int", hint: "How far back canary and stable are compared." },
      { key: "canaryMaxErrorRateIncrease", label: "Largest error-rate rise", kind: "number", step: "0.01", hint: "Absolute: 0.02 = 2 points over stable." },
      { key: "canaryMaxP95LatencyIncreasePct", label: "Largest p95 latency rise (%)", kind: "number", step: "1", hint: "" },
      { key: "canaryMaxCostIncreasePct", label: "Largest cost per request rise (%)", kind: "number", step: "1", hint: "" },
      { key: "canaryMaxNegativeFeedbackIncrease", label: "Largest negative-feedback rise", kind: "number", step: "0.01", hint: "Absolute share of traces with negative user feedback." },
      { key: "canaryAutoGraduateAfterMinutes", label: "Graduate automatically after (minutes healthy)", kind: "int", hint: "Empty: never automatically." },
    ],
  },
];

/** What a field shows for the current rules. */
export function fieldValue(rules: GateRules, f: RuleField): string | boolean {
  const v = rules[f.key];
  if (f.kind === "boolean") return f.key === "allowUncalibratedJudge" ? v !== false : v === true;
  if (v === undefined) return "";
  return Array.isArray(v) ? v.join(", ") : String(v);
}

/**
 * The rules a filled-in form stands for. Numbers are sent as typed (the server rejects a bad one with
 * the field's name); unchecked boxes leave the rule out, except the uncalibrated judge, whose absence
 * means "allowed", so unchecked sends false.
 */
export function rulesFromForm(values: Record<string, string | boolean>, judge: { dimension: string; min: string }[]): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const f of RULE_SECTIONS.flatMap((s) => s.fields)) {
    const v = values[f.key];
    if (f.kind === "boolean") {
      if (f.key === "allowUncalibratedJudge") rules[f.key] = v === true;
      else if (v === true) rules[f.key] = true;
      continue;
    }
    const text = typeof v === "string" ? v.trim() : "";
    if (!text) continue;
    if (f.kind === "list") rules[f.key] = text.split(",").map((s) => s.trim()).filter(Boolean);
    else rules[f.key] = Number(text);
  }
  const scores = judge.filter((j) => j.dimension.trim() && j.min.trim());
  if (scores.length) rules.minJudgeScore = Object.fromEntries(scores.map((j) => [j.dimension.trim(), Number(j.min)]));
  return rules;
}
