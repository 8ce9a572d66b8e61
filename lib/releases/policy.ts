import { z } from "zod";
import { db, type Db, type Tx } from "../db";
import { AppError, isUniqueViolation, parseOrThrow } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { assertCanReadReleases } from "./access";
import type { GateRules } from "./types";

// Gate policies (issue 6): versioned per project, the newest applies. Changing one is an admin's
// (project:write) decision and an audit event; engineers and keys only read it.

const ZThreshold = (what: string, min: number, max: number) =>
  z.number(`${what} must be a number`).finite().min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`);
const ZName = z.string().trim().min(1).max(80);

export const ZGateRules = z
  .object({
    minJudgeScore: z
      .record(z.string(), ZThreshold("a judge score", 1, 5))
      .superRefine((m, ctx) => {
        for (const name of Object.keys(m)) {
          if (!/^[a-z][a-z0-9_]{0,39}$/.test(name)) ctx.addIssue({ code: "custom", path: [name], message: `"${name}" is not a judge dimension name (lowercase, e.g. faithfulness)` });
        }
      })
      .optional()
      .describe("Minimum mean judge score per dimension, on the judge's 1–5 scale"),
    maxRegression: ZThreshold("the regression limit", 0, 5).optional()
      .describe("Largest allowed drop against production, on each score's own scale: the paired 95% upper bound of (candidate − production) must be ≥ −maxRegression"),
    minPassRate: ZThreshold("the pass rate", 0, 1).optional().describe("0–1"),
    maxCostPerRequestUsd: z.number().finite().positive("the cost limit must be above 0").max(100).optional(),
    maxP95LatencyMs: z.number().int("whole milliseconds").positive("the latency limit must be above 0").max(600_000).optional(),
    maxLanguageGap: ZThreshold("the language gap", 0, 5).optional(),
    requiredDatasets: z.array(ZName).max(20).optional(),
    requiredReviews: z.number().int().min(0).max(20).optional(),
    minLabelledItems: z.number().int().min(0).max(100_000).optional().describe("Gold human labels needed on the candidate's eval run items"),
    minAgreement: ZThreshold("the agreement", -1, 1).optional().describe("Krippendorff's alpha between annotators, on every rubric dimension"),
    requiredSignoffs: z.number().int().min(0).max(20).optional(),
    requireFinalApproval: z.boolean().optional(),
    fourEyes: z.boolean().optional(),
    allowedRegions: z.array(ZName).min(1, "name at least one region, or leave the rule out").max(50).optional(),
    allowUncalibratedJudge: z.boolean().optional(),
    forbidFloatingModels: z.boolean().optional(),
    forbidDeprecatedModels: z.boolean().optional(),
    // the canary monitor's thresholds (lib/environments/canary-decision.ts)
    canaryMaxErrorRateIncrease: ZThreshold("the error-rate increase", 0, 1).optional().describe("Largest allowed rise of the canary's error rate over stable, absolute (0.02 = 2 points)"),
    canaryMaxP95LatencyIncreasePct: ZThreshold("the p95 latency increase", 0, 1000).optional().describe("Largest allowed rise of the canary's p95 latency over stable, percent"),
    canaryMaxCostIncreasePct: ZThreshold("the cost increase", 0, 1000).optional().describe("Largest allowed rise of the canary's mean cost per request over stable, percent"),
    canaryMaxNegativeFeedbackIncrease: ZThreshold("the negative-feedback increase", 0, 1).optional()
      .describe("Largest allowed rise of the canary's share of traces with negative user feedback (among traces with feedback) over stable, absolute (0.05 = 5 points)"),
    canaryMinSample: z.number().int().min(1).max(1_000_000).optional().describe("Traces each side needs in the window before the monitor decides"),
    canaryWindowMinutes: z.number().int().min(1).max(1440).optional().describe("How far back the monitor compares traces"),
    canaryAutoGraduateAfterMinutes: z.number().int().min(1).max(43_200).optional().describe("Graduate a canary healthy this long; absent: never automatically"),
  })
  .strict() satisfies z.ZodType<GateRules>;

export const ZCreateGatePolicy = z.object({ rules: ZGateRules }).strict();
export type TCreateGatePolicy = z.output<typeof ZCreateGatePolicy>;

/**
 * The policy of a project that has saved none: what a careful team would start with. It asks for
 * evidence (a judge faithfulness of 3.5 of 5, 80% of deterministic checks passing, no drop of more
 * than half a judge point against production, Arabic and English within one point), one review, one
 * UAT sign-off and a final approval by someone other than the author, and pinned, current models.
 * No cost, latency, dataset or region limits: those depend on the product. The uncalibrated judge is
 * allowed until calibration exists (the human-review issue).
 */
export const DEFAULT_GATE_RULES: GateRules = Object.freeze({
  minJudgeScore: { faithfulness: 3.5 },
  minPassRate: 0.8,
  maxRegression: 0.5,
  maxLanguageGap: 1,
  requiredReviews: 1,
  requiredSignoffs: 1,
  requireFinalApproval: true,
  fourEyes: true,
  forbidFloatingModels: true,
  forbidDeprecatedModels: true,
  allowUncalibratedJudge: true,
});

export const ZGatePolicy = z.object({
  id: z.string().nullable().describe("null: the built-in default (the project has saved no policy)"),
  version: z.number().int().nullable(),
  rules: ZGateRules,
  isDefault: z.boolean(),
  authorLabel: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type TGatePolicy = z.infer<typeof ZGatePolicy>;

export interface CurrentPolicy {
  id: string | null;
  version: number | null;
  rules: GateRules;
}

/** The newest policy of the project, or the default. Stored rules are re-parsed so an old shape cannot reach the gate unchecked. */
export async function currentPolicy(client: Tx | Db, projectId: string): Promise<CurrentPolicy & { authorLabel: string | null; createdAt: Date | null }> {
  const row = await client.gatePolicy.findFirst({ where: { projectId }, orderBy: { version: "desc" } });
  if (!row) return { id: null, version: null, rules: DEFAULT_GATE_RULES, authorLabel: null, createdAt: null };
  const parsed = ZGateRules.safeParse(row.rules);
  if (!parsed.success) throw new AppError("INTERNAL", `Gate policy v${row.version} is not valid; save a new version.`);
  return { id: row.id, version: row.version, rules: parsed.data, authorLabel: row.authorLabel, createdAt: row.createdAt };
}

function present(p: Awaited<ReturnType<typeof currentPolicy>>): TGatePolicy {
  return { id: p.id, version: p.version, rules: p.rules, isDefault: p.id === null, authorLabel: p.authorLabel, createdAt: p.createdAt?.toISOString() ?? null };
}

/** Anyone in the project may read the policy (the release page explains the gate with it). */
export async function getGatePolicy(principal: Principal): Promise<TGatePolicy> {
  assertCanReadReleases(principal);
  return present(await currentPolicy(db(), principal.projectId));
}

export async function createGatePolicy(principal: Principal, input: TCreateGatePolicy): Promise<TGatePolicy> {
  assertCan(principal, "project:write");
  const { rules } = parseOrThrow(ZCreateGatePolicy, input, "Gate policy");
  try {
    await db().$transaction(async (tx) => {
      const before = await currentPolicy(tx, principal.projectId);
      const version = (before.version ?? 0) + 1;
      const row = await tx.gatePolicy.create({
        data: {
          projectId: principal.projectId, version, rules: rules as object,
          authorId: principal.kind === "user" ? principal.userId : null, authorLabel: principal.label,
        },
      });
      await appendAuditEvent(tx, {
        ...auditActor(principal), action: "gate_policy.create", resourceType: "gate_policy", resourceId: row.id,
        before: { version: before.version, rules: before.rules, isDefault: before.id === null }, after: { version, rules },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "Someone saved a gate policy at the same moment; reload and try again.");
    throw err;
  }
  return getGatePolicy(principal);
}

export interface TGatePolicyVersion {
  version: number;
  rules: GateRules;
  authorLabel: string;
  createdAt: string;
  /** rule names added, removed or changed against the version before (all of them for the first) */
  changed: string[];
}

/** The saved versions, newest first, each with what it changed. */
export async function listGatePolicyVersions(principal: Principal, limit = 50): Promise<TGatePolicyVersion[]> {
  assertCanReadReleases(principal);
  // one more than shown, so the oldest shown version can still say what it changed
  const rows = await db().gatePolicy.findMany({ where: { projectId: principal.projectId }, orderBy: { version: "desc" }, take: limit + 1 });
  const rulesOf = (r: (typeof rows)[number]): Record<string, unknown> => (ZGateRules.safeParse(r.rules).data ?? {}) as Record<string, unknown>;
  return rows.slice(0, limit).map((row, i) => {
    const now = rulesOf(row);
    const before = rows[i + 1] ? rulesOf(rows[i + 1]) : {};
    const keys = [...new Set([...Object.keys(now), ...Object.keys(before)])];
    return {
      version: row.version, rules: now as GateRules, authorLabel: row.authorLabel, createdAt: row.createdAt.toISOString(),
      changed: keys.filter((k) => JSON.stringify(now[k]) !== JSON.stringify(before[k])).sort(),
    };
  });
}
