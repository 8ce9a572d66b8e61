import { z } from "zod";
import { ZProjectSlug } from "../projects/schemas";
import { RELEASE_ACTIONS, RELEASE_STATES, type GateCheckId } from "./types";

// Releases (issue 6). One schema validates the API body, the console's form and the CLI's request.

// The semver.org 2.0.0 grammar (no leading "v", no leading zeros in numeric identifiers).
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export const ZSemver = z.string().trim().max(64).regex(SEMVER, "a semantic version such as 1.4.0 or 2.0.0-rc.1");
export const ZRoleKey = z.string().trim().regex(/^[a-z][a-z0-9_-]{0,39}$/, "a role key: lowercase letters, digits, '_' and '-', starting with a letter (e.g. answer, router)");
const ZId = (what: string) => z.string().trim().min(1, `choose the ${what}`).max(64);

export const MAX_FALLBACKS = 5;
export const MAX_PROMPTS = 10;

const bundleShape = {
  prompts: z
    .record(z.string(), ZId("prompt version"))
    .superRefine((p, ctx) => {
      for (const role of Object.keys(p)) {
        const r = ZRoleKey.safeParse(role);
        if (!r.success || r.data !== role) ctx.addIssue({ code: "custom", path: [role], message: r.success ? "no spaces around a role key" : r.error.issues[0].message });
      }
    })
    .refine((p) => Object.keys(p).length >= 1, "pin at least one prompt version under a role key (e.g. answer)")
    .refine((p) => Object.keys(p).length <= MAX_PROMPTS, `at most ${MAX_PROMPTS} prompt roles`)
    .describe("Role key → prompt version id, e.g. { answer: '<id>', router: '<id>' }"),
  modelVersionId: ZId("model version"),
  fallbackModelVersionIds: z.array(ZId("fallback model version")).max(MAX_FALLBACKS, `at most ${MAX_FALLBACKS} fallbacks`).default([]).describe("Tried in this order when the model fails"),
  retrievalConfigVersionId: ZId("retrieval config version").nullable().optional(),
};

function checkFallbacks(v: { modelVersionId?: string; fallbackModelVersionIds?: string[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  (v.fallbackModelVersionIds ?? []).forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: "custom", path: ["fallbackModelVersionIds", i], message: "this model version is already a fallback; each fallback once" });
    if (id === v.modelVersionId) ctx.addIssue({ code: "custom", path: ["fallbackModelVersionIds", i], message: "the pinned model cannot also be its own fallback" });
    seen.add(id);
  });
}

export const ZCreateRelease = z
  .object({ version: ZSemver, notes: z.string().trim().max(10_000).default(""), ...bundleShape })
  .strict()
  .superRefine(checkFallbacks);
export type TCreateRelease = z.output<typeof ZCreateRelease>;
export type TCreateReleaseInput = z.input<typeof ZCreateRelease>;

/** A draft's edit: any field; what is absent stays as it is. */
export const ZUpdateRelease = z
  .object({
    version: ZSemver.optional(),
    notes: z.string().trim().max(10_000).optional(),
    prompts: bundleShape.prompts.optional(),
    modelVersionId: bundleShape.modelVersionId.optional(),
    fallbackModelVersionIds: z.array(ZId("fallback model version")).max(MAX_FALLBACKS, `at most ${MAX_FALLBACKS} fallbacks`).optional(),
    retrievalConfigVersionId: bundleShape.retrievalConfigVersionId,
  })
  .strict()
  .superRefine(checkFallbacks);
export type TUpdateRelease = z.output<typeof ZUpdateRelease>;

export const ZTransitionBody = z
  .object({
    action: z.enum(RELEASE_ACTIONS, `one of ${RELEASE_ACTIONS.join(", ")}`),
    reason: z.string().trim().max(2000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.action === "reject" || v.action === "rollback") && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: `say why (a ${v.action} needs a reason)` });
  });
export type TTransitionBody = z.output<typeof ZTransitionBody>;

export const ZScenarioVerdict = z
  .object({ itemKey: z.string().trim().min(1).max(200), verdict: z.enum(["accept", "flag"]), comment: z.string().trim().max(2000).optional() })
  .strict();

export const ZRecordApproval = z
  .object({
    kind: z.enum(["review", "signoff", "approval"], "review, signoff or approval"),
    decision: z.enum(["approve", "reject"], "approve or reject"),
    comment: z.string().trim().max(4000).optional(),
    /** UAT: per scenario accept or flag */
    scenarios: z.array(ZScenarioVerdict).max(1000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "say why you reject (the author reads it)" });
  });
export type TRecordApproval = z.output<typeof ZRecordApproval>;

export const ZProjectParam = z.object({ project: ZProjectSlug });
export const ZReleaseParam = ZProjectParam.extend({ id: z.string().min(1).max(64) });
export const ZListReleasesQuery = z.object({
  state: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const states = s.split(",").map((x) => x.trim()).filter(Boolean);
      for (const st of states) {
        if (!(RELEASE_STATES as readonly string[]).includes(st)) {
          ctx.addIssue({ code: "custom", message: `unknown state "${st}"; one of ${RELEASE_STATES.join(", ")}` });
          return z.NEVER;
        }
      }
      return states as (typeof RELEASE_STATES)[number][];
    })
    .describe("One state or several, comma separated (e.g. awaiting_signoff)"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListReleasesQuery = z.output<typeof ZListReleasesQuery>;

// --- responses ---

export const GATE_CHECK_IDS = [
  "judge_score", "regression", "pass_rate", "cost_per_request", "p95_latency", "language_gap", "required_datasets",
  "reviews", "human_labels", "agreement", "signoffs", "final_approval", "four_eyes", "regions", "judge_calibration", "floating_models", "deprecated_models",
] as const satisfies readonly GateCheckId[];

export const ZGateCheck = z.object({
  id: z.enum(GATE_CHECK_IDS),
  label: z.string(),
  passed: z.boolean(),
  actual: z.union([z.string(), z.number()]).nullable(),
  required: z.union([z.string(), z.number()]).nullable(),
  reason: z.string(),
});
export const ZGateResult = z.object({ passed: z.boolean(), policyVersion: z.number().int().nullable(), checks: z.array(ZGateCheck) });

export const ZReleaseApproval = z.object({
  id: z.string(),
  kind: z.enum(["review", "signoff", "approval"]),
  decision: z.enum(["approve", "reject"]),
  userId: z.string(),
  userLabel: z.string(),
  contentHash: z.string(),
  current: z.boolean().describe("Bound to the release's current content hash"),
  comment: z.string().nullable(),
  scenarios: z.array(ZScenarioVerdict).nullable(),
  createdAt: z.string(),
});

export const ZReleaseTransition = z.object({
  id: z.string(),
  fromState: z.enum(RELEASE_STATES).nullable(),
  toState: z.enum(RELEASE_STATES),
  actorType: z.string(),
  actorLabel: z.string(),
  reason: z.string().nullable(),
  gateResult: ZGateResult.nullable(),
  createdAt: z.string(),
});

const ZPinnedModel = z.object({ id: z.string(), displayName: z.string(), providerModelId: z.string(), region: z.string().nullable(), floating: z.boolean(), deprecatesAt: z.string().nullable() });

export const ZReleaseRow = z.object({
  id: z.string(),
  version: z.string(),
  notes: z.string(),
  state: z.enum(RELEASE_STATES),
  contentHash: z.string(),
  prompts: z.record(z.string(), z.object({ promptVersionId: z.string(), name: z.string(), version: z.number().int() })),
  model: ZPinnedModel,
  fallbacks: z.array(ZPinnedModel),
  retrieval: z.object({ id: z.string(), config: z.string(), version: z.number().int() }).nullable(),
  authorId: z.string().nullable(),
  authorLabel: z.string(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TReleaseRow = z.infer<typeof ZReleaseRow>;

export const ZReleaseDetail = ZReleaseRow.extend({
  approvals: z.array(ZReleaseApproval),
  transitions: z.array(ZReleaseTransition),
});
export type TReleaseDetail = z.infer<typeof ZReleaseDetail>;

export const ZTransitionResult = z.object({
  release: z.object({ id: z.string(), version: z.string(), state: z.enum(RELEASE_STATES) }),
  gate: ZGateResult,
});
