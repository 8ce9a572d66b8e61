import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { notify } from "../notifications/service";
import { transitionRelease } from "../releases/workflow";
import type { GateResult } from "../releases/types";
import { PRODUCTION, type DeploymentActionName, type TMoveResult, type TPromote, type TRollback, type TStartCanary, type TUpdateCanary } from "./schemas";
import { findLastStableArrival, findReleaseBrief, findReleaseByRef, insertDeployment, lockEnvironment, updateEnvironmentPointers } from "./repo";
import { environmentOrThrow, getEnvironment, presentDeployment } from "./service";
import { announcePointerMove } from "./resolve-cache";

// Deployments (issue 6): every move of an environment's pointers. Each one locks the environment's
// row, moves release states through the releases workflow (which checks the gate and refuses with a
// 409/422, and notifies) in the same transaction, writes a Deployment row and an audit event, bumps the
// epoch and notifies moves the workflow did not — all or nothing. After commit every instance drops its cached answers.

type Env = NonNullable<Awaited<ReturnType<typeof lockEnvironment>>>;
type ReleaseBrief = { id: string; version: string; state: string };

interface Plan {
  action: DeploymentActionName;
  stableAfter: string | null;
  canaryAfter: string | null;
  percentAfter: number;
  gate?: GateResult | null;
  reason?: string;
  /** for the notification: which release, and what happened to it */
  release: ReleaseBrief;
  headline: string;
}

// transitions compute gate evidence (eval summaries); the default 5 s is too tight under load
const TX_OPTIONS = { timeout: 60_000, maxWait: 10_000 };

// staging and other environments take approved releases, and releases already rolled out
const DEPLOYABLE_STATES = new Set(["approved", "canary", "production"]);

async function runMove(principal: Principal, envName: string, decide: (tx: Tx, env: Env) => Promise<Plan>): Promise<TMoveResult> {
  assertCan(principal, "releases:deploy");
  await environmentOrThrow(principal.projectId, envName);
  const deployment = await db().$transaction(async (tx) => {
    const env = (await lockEnvironment(tx, principal.projectId, envName))!;
    const plan = await decide(tx, env);
    await updateEnvironmentPointers(tx, env.id, { stableReleaseId: plan.stableAfter, canaryReleaseId: plan.canaryAfter, canaryPercent: plan.percentAfter });
    const actor = auditActor(principal);
    const dep = await insertDeployment(tx, {
      environmentId: env.id, action: plan.action,
      stableBefore: env.stableReleaseId, stableAfter: plan.stableAfter, canaryBefore: env.canaryReleaseId, canaryAfter: plan.canaryAfter,
      canaryPercentBefore: env.canaryPercent, canaryPercentAfter: plan.percentAfter,
      actorType: actor.actorType, actorId: actor.actorId, actorLabel: actor.actorLabel, reason: plan.reason ?? null,
      gateResult: plan.gate ? (plan.gate as object) : undefined,
    });
    const pointers = (stable: string | null, canary: string | null, percent: number) => ({ environment: env.name, stableReleaseId: stable, canaryReleaseId: canary, canaryPercent: percent });
    await appendAuditEvent(tx, {
      ...actor, action: `environment.${plan.action}`, resourceType: "environment", resourceId: env.id,
      before: pointers(env.stableReleaseId, env.canaryReleaseId, env.canaryPercent),
      after: { ...pointers(plan.stableAfter, plan.canaryAfter, plan.percentAfter), deploymentId: dep.id, reason: plan.reason ?? null, gatePassed: plan.gate?.passed ?? null },
    });
    // a move that changed release states was announced by the workflow (promoted, in canary, rolled back)
    if (!plan.gate) await notify(tx, {
      projectId: principal.projectId, kind: `release.${plan.action}`,
      title: `Release ${plan.release.version} ${plan.headline} (${env.name})`.slice(0, 200),
      body: `By ${actor.actorLabel}.${plan.reason ? ` Reason: ${plan.reason}` : ""}`.slice(0, 2000),
    });
    return dep;
  }, TX_OPTIONS);
  await announcePointerMove(principal.projectId);
  return { environment: await getEnvironment(principal, envName), deployment: presentDeployment(deployment) };
}

async function releaseOrThrow(tx: Tx, projectId: string, ref: string): Promise<ReleaseBrief> {
  const r = await findReleaseByRef(tx, projectId, ref);
  if (!r) throw new AppError("NOT_FOUND", `No release "${ref}" in this project (name it by id or version).`);
  return r;
}

function requireProduction(env: Env, what: string) {
  if (env.name !== PRODUCTION) throw new AppError("VALIDATION", `${what} happens in production; "${env.name}" takes releases by promotion only.`);
}

async function currentCanary(tx: Tx, projectId: string, env: Env, expected?: string): Promise<ReleaseBrief> {
  if (!env.canaryReleaseId) throw new AppError("CONFLICT", "No canary is running in production.");
  if (expected && env.canaryReleaseId !== expected) throw new AppError("CONFLICT", "The canary changed meanwhile; nothing was done.");
  return (await findReleaseBrief(tx, projectId, env.canaryReleaseId))!;
}

/** Puts a release in an environment's stable pointer. Production: through the workflow's gate (approved → production); elsewhere: an approved release. */
export function promoteRelease(principal: Principal, envName: string, input: TPromote): Promise<TMoveResult> {
  return runMove(principal, envName, async (tx, env) => {
    const release = await releaseOrThrow(tx, principal.projectId, input.release);
    if (env.stableReleaseId === release.id) throw new AppError("CONFLICT", `Release ${release.version} is already live in ${env.name}.`);
    let gate: GateResult | null = null;
    if (env.name === PRODUCTION) {
      if (env.canaryReleaseId) throw new AppError("CONFLICT", "A canary is running in production: graduate or abort it before promoting another release.");
      gate = (await transitionRelease(tx, principal, release.id, "promote", { reason: input.reason })).gate;
    } else if (!DEPLOYABLE_STATES.has(release.state)) {
      throw new AppError("CONFLICT", `Only approved releases go to ${env.name}; release ${release.version} is ${release.state.replace("_", " ")}.`);
    }
    return { action: "promote", stableAfter: release.id, canaryAfter: env.canaryReleaseId, percentAfter: env.canaryPercent, gate, reason: input.reason, release, headline: "promoted" };
  });
}

/** Starts a canary in production: an approved release served to `percent`% of request keys, next to the stable release. */
export function startCanary(principal: Principal, envName: string, input: TStartCanary): Promise<TMoveResult> {
  return runMove(principal, envName, async (tx, env) => {
    requireProduction(env, "A canary");
    if (env.canaryReleaseId) throw new AppError("CONFLICT", "A canary is already running: change its percentage, graduate or abort it.");
    if (!env.stableReleaseId) throw new AppError("CONFLICT", "Production has no release yet: promote a first release; a canary is compared with a stable one.");
    const release = await releaseOrThrow(tx, principal.projectId, input.release);
    if (release.id === env.stableReleaseId) throw new AppError("CONFLICT", `Release ${release.version} is already the stable release.`);
    const { gate } = await transitionRelease(tx, principal, release.id, "start_canary", { reason: input.reason });
    return { action: "canary_start", stableAfter: env.stableReleaseId, canaryAfter: release.id, percentAfter: input.percent, gate, reason: input.reason, release, headline: `canary started at ${input.percent}%` };
  });
}

export function updateCanary(principal: Principal, envName: string, input: TUpdateCanary): Promise<TMoveResult> {
  return runMove(principal, envName, async (tx, env) => {
    requireProduction(env, "A canary");
    const canary = await currentCanary(tx, principal.projectId, env);
    if (env.canaryPercent === input.percent) throw new AppError("CONFLICT", `The canary already gets ${input.percent}%.`);
    return { action: "canary_update", stableAfter: env.stableReleaseId, canaryAfter: canary.id, percentAfter: input.percent, reason: input.reason, release: canary, headline: `canary moved to ${input.percent}%` };
  });
}

/** The canary becomes the stable release (canary → production; the previous production release is superseded by the workflow). */
export function graduateCanary(principal: Principal, envName: string, input: { reason?: string; expectCanaryId?: string } = {}): Promise<TMoveResult> {
  return runMove(principal, envName, async (tx, env) => {
    requireProduction(env, "Graduation");
    const canary = await currentCanary(tx, principal.projectId, env, input.expectCanaryId);
    const { gate } = await transitionRelease(tx, principal, canary.id, "promote", { reason: input.reason });
    return { action: "graduate", stableAfter: canary.id, canaryAfter: null, percentAfter: 0, gate, reason: input.reason, release: canary, headline: "graduated to stable" };
  });
}

/**
 * Takes the canary out (its release → rolled back). `action: "rollback"` records it as the canary
 * monitor's automatic rollback; people abort.
 */
export function abortCanary(principal: Principal, envName: string, input: { reason?: string; expectCanaryId?: string; action?: "canary_abort" | "rollback" } = {}): Promise<TMoveResult> {
  return runMove(principal, envName, async (tx, env) => {
    requireProduction(env, "A canary");
    const canary = await currentCanary(tx, principal.projectId, env, input.expectCanaryId);
    const { gate } = await transitionRelease(tx, principal, canary.id, "rollback", { reason: input.reason });
    const action = input.action ?? "canary_abort";
    return { action, stableAfter: env.stableReleaseId, canaryAfter: null, percentAfter: 0, gate, reason: input.reason, release: canary, headline: action === "rollback" ? "canary rolled back" : "canary aborted" };
  });
}

/**
 * One-click rollback of production to the release that was live before the current one (the
 * stableBefore of the move that made the current one stable). A running canary is rolled back too.
 */
export function rollbackProduction(principal: Principal, envName: string, input: TRollback): Promise<TMoveResult> {
  return runMove(principal, envName, async (tx, env) => {
    requireProduction(env, "Rollback");
    if (!env.stableReleaseId) throw new AppError("CONFLICT", "Production has no release to roll back.");
    const arrival = await findLastStableArrival(tx, env.id, env.stableReleaseId);
    const previous = arrival?.stableBefore ? await findReleaseBrief(tx, principal.projectId, arrival.stableBefore) : null;
    if (!previous) throw new AppError("CONFLICT", "There is no previous production release to roll back to.");
    const current = (await findReleaseBrief(tx, principal.projectId, env.stableReleaseId))!;
    if (env.canaryReleaseId) await transitionRelease(tx, principal, env.canaryReleaseId, "rollback", { reason: input.reason });
    const { gate } = await transitionRelease(tx, principal, current.id, "rollback", { reason: input.reason });
    return {
      action: "rollback", stableAfter: previous.id, canaryAfter: null, percentAfter: 0, gate, reason: input.reason, release: current,
      headline: `rolled back to ${previous.version}`,
    };
  });
}
