import { db } from "../db";
import { AppError } from "../errors";
import { logger } from "../log/logger";
import type { Principal } from "../authz/principal";
import type { GateRules } from "../releases/types";
import { feedbackVariantStats } from "../feedback/repo";
import { canaryThresholds, decideCanary, type CanaryDecision } from "./canary-decision";
import { abortCanary, graduateCanary } from "./moves";
import { findCanaryEnvironments, findLastCanaryChange, findLatestGateRules, traceVariantStats } from "./repo";
import { PRODUCTION } from "./schemas";

// The canary monitor (issue 6), run every minute by the worker (job release.canary-monitor): for each
// production canary, compare canary and stable traces over the policy's window and roll back or
// graduate. Rollbacks and graduations are deployments like a person's (Deployment row, audit event,
// notification, the workflow's gate) with "system: canary monitor" as the actor; holding is logged.

export const canaryMonitorPrincipal = (projectId: string): Principal => ({ kind: "system", actorId: "canary-monitor", label: "system: canary monitor", projectId });

const CANARY_RULE_KEYS = [
  "canaryMaxErrorRateIncrease", "canaryMaxP95LatencyIncreasePct", "canaryMaxCostIncreasePct", "canaryMaxNegativeFeedbackIncrease", "canaryMinSample", "canaryWindowMinutes", "canaryAutoGraduateAfterMinutes",
] as const;

/** The canary fields of stored rules; anything else in them is the gate's business. */
function canaryRules(raw: unknown): GateRules {
  const out: GateRules = {};
  if (raw && typeof raw === "object") {
    for (const k of CANARY_RULE_KEYS) {
      const v = (raw as Record<string, unknown>)[k];
      if (typeof v === "number" && Number.isFinite(v) && v >= 0) out[k] = v;
    }
  }
  return out;
}

export interface CanaryCheck {
  projectId: string;
  environmentId: string;
  canaryReleaseId: string;
  decision: CanaryDecision;
  /** what was done: the decision, or why it could not be carried out */
  outcome: "held" | "rolled_back" | "graduated" | "refused" | "changed";
  detail?: string;
}

export async function checkCanary(env: Awaited<ReturnType<typeof findCanaryEnvironments>>[number], now = new Date()): Promise<CanaryCheck> {
  const canaryId = env.canaryReleaseId!;
  const t = canaryThresholds(canaryRules(await findLatestGateRules(db(), env.projectId)));
  const since = new Date(now.getTime() - t.windowMinutes * 60_000);
  const noFeedback = { traces: 0, negative: 0 };
  const [stableTraces, canaryTraces, stableFeedback, canaryFeedback] = await Promise.all([
    env.stableReleaseId ? traceVariantStats(env.projectId, env.stableReleaseId, "stable", since) : { n: 0, errors: 0, p95Ms: null, meanCostUsd: null },
    traceVariantStats(env.projectId, canaryId, "canary", since),
    // feedback received in the window (it arrives after its trace), on either side's traces
    env.stableReleaseId ? feedbackVariantStats(env.projectId, env.stableReleaseId, "stable", since) : noFeedback,
    feedbackVariantStats(env.projectId, canaryId, "canary", since),
  ]);
  const stable = { ...stableTraces, feedback: stableFeedback };
  const canary = { ...canaryTraces, feedback: canaryFeedback };
  const change = await findLastCanaryChange(db(), env.id, canaryId);
  const decision = decideCanary({ stable, canary, thresholds: t, canarySince: change?.createdAt ?? env.updatedAt, now });
  const base = { projectId: env.projectId, environmentId: env.id, canaryReleaseId: canaryId, decision };
  if (decision.action === "hold") return { ...base, outcome: "held" };
  const principal = canaryMonitorPrincipal(env.projectId);
  try {
    if (decision.action === "rollback") {
      await abortCanary(principal, env.name, { reason: decision.reason, expectCanaryId: canaryId, action: "rollback" });
      return { ...base, outcome: "rolled_back" };
    }
    await graduateCanary(principal, env.name, { reason: decision.reason, expectCanaryId: canaryId });
    return { ...base, outcome: "graduated" };
  } catch (err) {
    // a person moved the canary meanwhile, or the gate refuses graduation: nothing changed; say why
    if (err instanceof AppError) return { ...base, outcome: err.code === "CONFLICT" ? "changed" : "refused", detail: err.message };
    throw err;
  }
}

/** One pass over every production canary; a failure on one does not stop the others. */
export async function monitorCanaries(now = new Date()): Promise<CanaryCheck[]> {
  const out: CanaryCheck[] = [];
  for (const env of await findCanaryEnvironments(PRODUCTION)) {
    try {
      const check = await checkCanary(env, now);
      logger.info({ projectId: check.projectId, canary: check.canaryReleaseId, decision: check.decision.action, outcome: check.outcome, reason: check.decision.reason, detail: check.detail }, "canary monitor");
      out.push(check);
    } catch (err) {
      logger.error({ projectId: env.projectId, err: err instanceof Error ? err.message : String(err) }, "canary monitor failed for an environment");
    }
  }
  return out;
}
