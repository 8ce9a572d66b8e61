import { db, type Prisma, type Tx } from "../db";
import type { DeploymentActionName } from "./schemas";

// The only place environments, deployments and the resolve bundle touch Prisma. Every query is scoped by project.

const BRIEF = { select: { id: true, version: true, state: true } } as const;

export async function findEnvironments(client: Tx, projectId: string) {
  const envs = await client.environment.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
  const ids = [...new Set(envs.flatMap((e) => [e.stableReleaseId, e.canaryReleaseId]).filter((x): x is string => !!x))];
  const releases = ids.length ? await client.release.findMany({ where: { projectId, id: { in: ids } }, ...BRIEF }) : [];
  const byId = new Map(releases.map((r) => [r.id, r]));
  return envs.map((e) => ({ ...e, stable: e.stableReleaseId ? byId.get(e.stableReleaseId) ?? null : null, canary: e.canaryReleaseId ? byId.get(e.canaryReleaseId) ?? null : null }));
}
export type EnvironmentWithReleases = Awaited<ReturnType<typeof findEnvironments>>[number];

/** Creates the named environments that do not exist yet (a concurrent creator is fine: skipDuplicates). */
export function ensureEnvironments(client: Tx, projectId: string, names: readonly string[]) {
  return client.environment.createMany({ data: names.map((name) => ({ projectId, name })), skipDuplicates: true });
}

export function insertEnvironment(tx: Tx, projectId: string, name: string) {
  return tx.environment.create({ data: { projectId, name } });
}

export function findEnvironment(client: Tx, projectId: string, name: string) {
  return client.environment.findUnique({ where: { projectId_name: { projectId, name } } });
}

/** Locks the environment's row for the rest of the transaction: moves of one environment run one at a time. */
export async function lockEnvironment(tx: Tx, projectId: string, name: string) {
  await tx.$queryRaw`select id from "Environment" where "projectId" = ${projectId} and name = ${name} for update`;
  return findEnvironment(tx, projectId, name);
}

export function updateEnvironmentPointers(tx: Tx, id: string, data: { stableReleaseId: string | null; canaryReleaseId: string | null; canaryPercent: number }) {
  return tx.environment.update({ where: { id }, data: { ...data, epoch: { increment: 1 } } });
}

export function insertDeployment(tx: Tx, data: Omit<Prisma.DeploymentUncheckedCreateInput, "action"> & { action: DeploymentActionName }) {
  return tx.deployment.create({ data });
}

export function findDeployments(projectId: string, environmentId: string, take: number) {
  return db().deployment.findMany({ where: { environmentId, environment: { projectId } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}

/** The move that put `releaseId` in stable last (a promote or a graduate): its stableBefore is what rollback returns to. */
export function findLastStableArrival(tx: Tx, environmentId: string, releaseId: string) {
  return tx.deployment.findFirst({
    where: { environmentId, stableAfter: releaseId, action: { in: ["promote", "graduate"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/** The move that started the canary or last changed its share: the monitor's "healthy since". */
export function findLastCanaryChange(client: Tx, environmentId: string, releaseId: string) {
  return client.deployment.findFirst({
    where: { environmentId, canaryAfter: releaseId, action: { in: ["canary_start", "canary_update"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

export function findReleaseByRef(client: Tx, projectId: string, ref: string) {
  return client.release.findFirst({ where: { projectId, OR: [{ id: ref }, { version: ref }] }, select: { id: true, version: true, state: true } });
}

export function findReleaseBrief(client: Tx, projectId: string, id: string) {
  return client.release.findFirst({ where: { projectId, id }, select: { id: true, version: true, state: true } });
}

export async function findLatestGateRules(client: Tx, projectId: string): Promise<unknown> {
  const p = await client.gatePolicy.findFirst({ where: { projectId }, orderBy: { version: "desc" }, select: { rules: true } });
  return p?.rules ?? null;
}

const MODEL_SELECT = { id: true, providerModelId: true, contextWindow: true, maxOutputTokens: true, connection: { select: { name: true, kind: true } } } as const;

/** Everything the resolve API serves for one release, in as few queries as Prisma allows. */
export async function findReleaseBundle(client: Tx, projectId: string, releaseId: string) {
  const release = await client.release.findFirst({
    where: { projectId, id: releaseId },
    select: {
      id: true, version: true, notes: true, contentHash: true, fallbackModelVersionIds: true, authorLabel: true,
      prompts: { select: { role: true, promptVersion: { select: { id: true, version: true, messages: true, params: true, variables: true, prompt: { select: { name: true } } } } } },
      modelVersion: { select: MODEL_SELECT },
      retrievalConfigVersion: {
        select: {
          id: true, version: true, chunkSize: true, chunkOverlap: true, topK: true, minSimilarity: true, rerank: true, knowledgeBaseId: true, externalUrl: true,
          retrievalConfig: { select: { name: true } }, embeddingModelVersion: { select: MODEL_SELECT },
        },
      },
    },
  });
  if (!release) return null;
  const fallbacks = release.fallbackModelVersionIds.length
    ? await client.modelVersion.findMany({ where: { projectId, id: { in: release.fallbackModelVersionIds } }, select: MODEL_SELECT })
    : [];
  return { release, fallbacks };
}
export type ReleaseBundleRows = NonNullable<Awaited<ReturnType<typeof findReleaseBundle>>>;

/** Production environments running a canary, across projects (the canary monitor's work list). */
export function findCanaryEnvironments(name: string) {
  return db().environment.findMany({ where: { name, canaryReleaseId: { not: null } }, select: { id: true, projectId: true, name: true, stableReleaseId: true, canaryReleaseId: true, updatedAt: true } });
}

/** One variant's figures from traces since `since`: count, errors, p95 of durationMs, mean costUsd. */
export async function traceVariantStats(projectId: string, releaseId: string, variant: "stable" | "canary", since: Date) {
  const [row] = await db().$queryRaw<{ n: number; errors: number; p95: number | null; cost: number | null }[]>`
    select count(*)::int as n,
           (count(*) filter (where status = 'error'))::int as errors,
           percentile_cont(0.95) within group (order by "durationMs") as p95,
           avg("costUsd") as cost
    from "Trace"
    where "projectId" = ${projectId} and "releaseId" = ${releaseId} and variant = ${variant} and "startTime" >= ${since}`;
  return { n: row.n, errors: row.errors, p95Ms: row.p95 === null ? null : Number(row.p95), meanCostUsd: row.cost === null ? null : Number(row.cost) };
}

/** The move that last made `releaseId` an environment's stable (or canary) release: when, by whom, with which gate result. */
export function findLastArrival(environmentId: string, releaseId: string, pointer: "stable" | "canary") {
  return db().deployment.findFirst({
    where: pointer === "stable"
      ? { environmentId, stableAfter: releaseId, OR: [{ stableBefore: null }, { stableBefore: { not: releaseId } }] }
      : { environmentId, canaryAfter: releaseId, OR: [{ canaryBefore: null }, { canaryBefore: { not: releaseId } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

export function findPromptVersionByName(projectId: string, name: string, version: number) {
  return db().promptVersion.findFirst({ where: { projectId, version, prompt: { projectId, name } }, select: { id: true } });
}

export function findModelVersionByName(projectId: string, connection: string, model: string) {
  return db().modelVersion.findFirst({ where: { projectId, providerModelId: model, connection: { projectId, name: connection } }, select: { id: true } });
}

export function findRetrievalVersionByName(projectId: string, name: string, version: number) {
  return db().retrievalConfigVersion.findFirst({ where: { projectId, version, retrievalConfig: { projectId, name } }, select: { id: true } });
}
