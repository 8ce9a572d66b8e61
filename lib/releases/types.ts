// The shared vocabulary of releases (issue 6): the gate policy's rules, the evidence the gate engine
// reads, its result, and the workflow's states and actions. The gate engine (gate.ts) and the state
// machine (state-machine.ts) are pure functions over these; services gather evidence and store results.

export const RELEASE_STATES = [
  "draft", "evaluating", "in_review", "awaiting_signoff", "approved", "canary", "production", "superseded", "rejected", "rolled_back",
] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];

/** What people and keys ask the workflow to do; the state machine maps (state, action) → next state. */
export const RELEASE_ACTIONS = [
  "submit", // draft → evaluating: the bundle is frozen (immutable from here)
  "request_review", // evaluating → in_review: evaluation evidence passes the gate
  "review_passed", // in_review → awaiting_signoff: required human review present
  "approve", // awaiting_signoff → approved: sign-offs and the final approval present, four eyes
  "reject", // evaluating | in_review | awaiting_signoff | approved → rejected
  "start_canary", // approved → canary (production environment, a percentage)
  "promote", // approved | canary → production (graduate); the previous production release → superseded
  "rollback", // canary | production → rolled_back; production's pointer goes back to the previous release
] as const;
export type ReleaseAction = (typeof RELEASE_ACTIONS)[number];

/** A project's gate policy (the `rules` of a GatePolicy version). Every field is optional: absent = not checked. */
export interface GateRules {
  /** minimum mean judge score per dimension, e.g. { faithfulness: 4 } (scale of the judge, 1–5) */
  minJudgeScore?: Record<string, number>;
  /** the largest allowed drop against the production release: the paired 95% interval's upper bound of (candidate − production) must be ≥ −maxRegression, per judge dimension and scorer */
  maxRegression?: number;
  /** minimum pass rate (0–1) of the deterministic scorers */
  minPassRate?: number;
  /** maximum mean cost per request in USD (candidate's tokens × prices) */
  maxCostPerRequestUsd?: number;
  /** maximum p95 latency of the candidate's generations, ms */
  maxP95LatencyMs?: number;
  /** maximum absolute Arabic–English gap in the main score (same scale as the score) */
  maxLanguageGap?: number;
  /** dataset names that must have a completed eval run of this release's candidate, e.g. ["support-golden", "support-uat"] */
  requiredDatasets?: string[];
  /** human review: at least this many reviews approving (kind "review") */
  requiredReviews?: number;
  /** human review: at least this many gold-labelled items (lib/labelling) among the candidate's eval run items */
  minLabelledItems?: number;
  /** human review: Krippendorff's alpha between annotators on those items, on every rubric dimension, at least this */
  minAgreement?: number;
  /** business sign-offs (kind "signoff") approving, bound to the release's content hash */
  requiredSignoffs?: number;
  /** a final approval (kind "approval") by someone with releases:approve */
  requireFinalApproval?: boolean;
  /** the release's author cannot review, sign off or approve it */
  fourEyes?: boolean;
  /** data-residency: the regions the project's models may run in (a model version's `region`) */
  allowedRegions?: string[];
  /** whether a judge not (yet) calibrated against human labels may gate; calibration comes with the human-review issue */
  allowUncalibratedJudge?: boolean;
  /** refuse floating model aliases and deprecated model versions */
  forbidFloatingModels?: boolean;
  forbidDeprecatedModels?: boolean;
  /** canary monitor (lib/environments/canary-decision.ts): the largest allowed rise of the error rate, canary − stable, absolute (0.02 = 2 points) */
  canaryMaxErrorRateIncrease?: number;
  /** canary monitor: the largest allowed rise of p95 latency over stable, percent */
  canaryMaxP95LatencyIncreasePct?: number;
  /** canary monitor: the largest allowed rise of mean cost per request over stable, percent */
  canaryMaxCostIncreasePct?: number;
  /** canary monitor: the largest allowed rise of the share of traces with negative user feedback (among traces with feedback), canary − stable, absolute (0.05 = 5 points) */
  canaryMaxNegativeFeedbackIncrease?: number;
  /** canary monitor: traces each side needs in the window before anything is decided */
  canaryMinSample?: number;
  /** canary monitor: how far back traces are compared, minutes */
  canaryWindowMinutes?: number;
  /** canary monitor: graduate a canary healthy for this long (minutes since its start or last change); absent = never automatically */
  canaryAutoGraduateAfterMinutes?: number;
}

/** One eval run's figures, as the gate reads them (from lib/evals summaries). */
export interface EvalEvidence {
  runId: string;
  datasetName: string;
  status: "completed" | "failed" | "cancelled" | "stopped" | "running" | "queued";
  items: number;
  /** mean judge score per dimension */
  judge: Record<string, number>;
  /** pass rate (0–1) of each deterministic scorer that has one */
  passRates: Record<string, number>;
  costPerRequestUsd: number | null;
  p95LatencyMs: number | null;
  /** |mean(ar) − mean(en)| of the main score, when both languages are present */
  languageGap: number | null;
  judgeCalibrated: boolean;
  /** against the production release's run on the same dataset: per score key, the paired 95% interval of (candidate − production) */
  regression?: Record<string, { mean: number; low: number; high: number; n: number }>;
}

export interface ApprovalEvidence {
  kind: "review" | "signoff" | "approval";
  decision: "approve" | "reject";
  userId: string;
  userLabel: string;
  contentHash: string;
}

export interface ModelEvidence {
  id: string;
  displayName: string;
  region: string | null;
  floating: boolean;
  deprecatesAt: string | null;
}

/** Human labels on the candidate's eval run items (labelling queues on those runs). */
export interface HumanReviewEvidence {
  /** items with a gold label */
  labelledItems: number;
  /** per rubric dimension: Krippendorff's alpha over items with two or more labels, and how many such items */
  agreement: { dimension: string; alpha: number | null; units: number }[];
}

/** What the gate engine is given: the release as pinned, and what is known about it. */
export interface GateInput {
  release: { id: string; version: string; contentHash: string; authorId: string | null; state: ReleaseState };
  models: ModelEvidence[];
  evals: EvalEvidence[];
  approvals: ApprovalEvidence[];
  /** absent: not gathered (treated as no labels) */
  humanReview?: HumanReviewEvidence;
  /** "now", for deprecation dates */
  at: string;
}

export type GateCheckId =
  | "judge_score" | "regression" | "pass_rate" | "cost_per_request" | "p95_latency" | "language_gap" | "required_datasets"
  | "reviews" | "human_labels" | "agreement" | "signoffs" | "final_approval" | "four_eyes" | "regions" | "judge_calibration" | "floating_models" | "deprecated_models";

export interface GateCheck {
  id: GateCheckId;
  /** what the check is, for people: "Judge faithfulness ≥ 4.0" */
  label: string;
  passed: boolean;
  /** the numbers behind it: actual vs required */
  actual: string | number | null;
  required: string | number | null;
  reason: string;
}

export interface GateResult {
  passed: boolean;
  policyVersion: number | null;
  checks: GateCheck[];
}
