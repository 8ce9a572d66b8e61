import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, can, type Principal } from "../authz/principal";
import { DEFAULT_ENVIRONMENTS, type TCreateEnvironment, type TDeployment, type TEnvironment } from "./schemas";
import { ensureEnvironments, findDeployments, findEnvironment, findEnvironments, insertEnvironment, type EnvironmentWithReleases } from "./repo";
import { announcePointerMove } from "./resolve-cache";

// Environments: listing (staging and production exist from first use), adding one, the history of moves.
// The moves themselves are moves.ts; the runtime resolve API is resolve.ts.

/** Environments are read by anyone who may read the registry or deploy. */
function assertCanRead(principal: Principal) {
  if (!can(principal, "releases:deploy")) assertCan(principal, "registry:read");
}

export function presentEnvironment(e: EnvironmentWithReleases): TEnvironment {
  return { id: e.id, name: e.name, stable: e.stable, canary: e.canary, canaryPercent: e.canaryPercent, epoch: e.epoch, updatedAt: e.updatedAt.toISOString() };
}

export function presentDeployment(d: Awaited<ReturnType<typeof findDeployments>>[number]): TDeployment {
  return {
    id: d.id, action: d.action, stableBefore: d.stableBefore, stableAfter: d.stableAfter, canaryBefore: d.canaryBefore, canaryAfter: d.canaryAfter,
    canaryPercentBefore: d.canaryPercentBefore, canaryPercentAfter: d.canaryPercentAfter, actorType: d.actorType, actorLabel: d.actorLabel,
    reason: d.reason, gateResult: d.gateResult ?? null, createdAt: d.createdAt.toISOString(),
  };
}

export async function listEnvironments(principal: Principal): Promise<TEnvironment[]> {
  assertCanRead(principal);
  await ensureEnvironments(db(), principal.projectId, DEFAULT_ENVIRONMENTS);
  return (await findEnvironments(db(), principal.projectId)).map(presentEnvironment);
}

/** The environment by name; staging and production are created on first use, others must have been added. */
export async function environmentOrThrow(projectId: string, name: string) {
  if ((DEFAULT_ENVIRONMENTS as readonly string[]).includes(name)) await ensureEnvironments(db(), projectId, [name]);
  const env = await findEnvironment(db(), projectId, name);
  if (!env) throw new AppError("NOT_FOUND", `No environment "${name}" in this project; add it first (POST …/environments).`);
  return env;
}

export async function getEnvironment(principal: Principal, name: string): Promise<TEnvironment> {
  assertCanRead(principal);
  await environmentOrThrow(principal.projectId, name);
  const env = (await findEnvironments(db(), principal.projectId)).find((e) => e.name === name)!;
  return presentEnvironment(env);
}

export async function createEnvironment(principal: Principal, input: TCreateEnvironment): Promise<TEnvironment> {
  assertCan(principal, "releases:deploy");
  await ensureEnvironments(db(), principal.projectId, DEFAULT_ENVIRONMENTS);
  try {
    await db().$transaction(async (tx) => {
      const env = await insertEnvironment(tx, principal.projectId, input.name);
      await appendAuditEvent(tx, { ...auditActor(principal), action: "environment.create", resourceType: "environment", resourceId: env.id, after: { name: env.name } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", `This project already has an environment "${input.name}".`);
    throw err;
  }
  // an instance may have cached "no such environment"
  await announcePointerMove(principal.projectId);
  return getEnvironment(principal, input.name);
}

export async function listDeployments(principal: Principal, name: string, limit: number): Promise<TDeployment[]> {
  assertCanRead(principal);
  const env = await environmentOrThrow(principal.projectId, name);
  return (await findDeployments(principal.projectId, env.id, limit)).map(presentDeployment);
}
