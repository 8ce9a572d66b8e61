import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, type Principal } from "../authz/principal";
import { assignVariant } from "./assign";
import { prepareAnswer, presentBundle, type PreparedAnswer } from "./bundle";
import { findEnvironment, findReleaseBundle } from "./repo";
import { ResolveCache, type EnvironmentSnapshot } from "./resolve-cache";
import { DEFAULT_ENVIRONMENTS } from "./schemas";

// The runtime resolve API (issue 6): which release, prompts, model chain and retrieval config a
// request key gets in an environment. Postgres is read only when the cache misses.

/** Reads one environment's pointers and both bundles from Postgres and prepares the two answers. */
export async function loadEnvironmentSnapshot(projectId: string, envName: string): Promise<EnvironmentSnapshot | null> {
  const env = await findEnvironment(db(), projectId, envName);
  if (!env) return null;
  const prepare = async (releaseId: string | null, variant: "stable" | "canary") => {
    if (!releaseId) return null;
    const rows = await findReleaseBundle(db(), projectId, releaseId);
    return rows ? prepareAnswer(presentBundle(rows), variant) : null;
  };
  const [stable, canary] = await Promise.all([prepare(env.stableReleaseId, "stable"), prepare(env.canaryReleaseId, "canary")]);
  return { environmentId: env.id, canaryPercent: env.canaryPercent, stable, canary };
}

const g = globalThis as unknown as { flightdeckResolveCache?: ResolveCache };

/** This process's cache (created, and subscribed, on first use). */
export function resolveCache(): ResolveCache {
  g.flightdeckResolveCache ??= new ResolveCache(loadEnvironmentSnapshot);
  return g.flightdeckResolveCache;
}

export async function closeResolveCache(): Promise<void> {
  const c = g.flightdeckResolveCache;
  g.flightdeckResolveCache = undefined;
  await c?.close();
}

/** The prepared answer for this key: the canary's for keys in its share, else stable's. 404 when nothing is deployed. */
export async function resolveRelease(principal: Principal, envName: string, requestKey: string | undefined, cache: ResolveCache = resolveCache()): Promise<PreparedAnswer> {
  assertCan(principal, "runtime:read");
  const snap = await cache.get(principal.projectId, envName);
  if (!snap && !(DEFAULT_ENVIRONMENTS as readonly string[]).includes(envName)) throw new AppError("NOT_FOUND", `No environment "${envName}" in this project.`);
  if (!snap) throw new AppError("NOT_FOUND", `Nothing is deployed to "${envName}" yet: promote a release to it first.`);
  const variant = assignVariant(snap.environmentId, requestKey, snap.canaryPercent, snap.canary !== null);
  const answer = variant === "canary" ? snap.canary : snap.stable;
  if (!answer) throw new AppError("NOT_FOUND", `Nothing is deployed to "${envName}" yet: promote a release to it first.`);
  return answer;
}
