import { db, type Db, type Prisma, type Tx } from "../db";
import type { ReleaseState } from "./types";

// The only place releases touch Prisma. Every query is scoped by project.

export const MODEL_SELECT = {
  id: true, displayName: true, providerModelId: true, region: true, floating: true, deprecatesAt: true,
} satisfies Prisma.ModelVersionSelect;
export type PinnedModelRow = Prisma.ModelVersionGetPayload<{ select: typeof MODEL_SELECT }>;

const RELEASE_INCLUDE = {
  prompts: { include: { promptVersion: { select: { id: true, version: true, prompt: { select: { name: true } } } } }, orderBy: { role: "asc" } },
  modelVersion: { select: MODEL_SELECT },
  retrievalConfigVersion: { select: { id: true, version: true, retrievalConfig: { select: { name: true } } } },
} satisfies Prisma.ReleaseInclude;

const DETAIL_INCLUDE = {
  ...RELEASE_INCLUDE,
  approvals: { orderBy: { createdAt: "asc" } },
  transitions: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.ReleaseInclude;

export type ReleaseRow = Prisma.ReleaseGetPayload<{ include: typeof RELEASE_INCLUDE }>;
export type ReleaseDetailRow = Prisma.ReleaseGetPayload<{ include: typeof DETAIL_INCLUDE }>;

export function findRelease(client: Tx | Db, projectId: string, id: string) {
  return client.release.findFirst({ where: { id, projectId }, include: DETAIL_INCLUDE });
}

/** Locks the release row for the rest of the transaction, so two transitions of one release run one after the other. */
export async function lockRelease(tx: Tx, projectId: string, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from "Release" where id = ${id} and "projectId" = ${projectId} for update`;
  return rows.length === 1;
}

export function findReleases(projectId: string, filter: { states?: ReleaseState[]; take: number }) {
  return db().release.findMany({
    where: { projectId, ...(filter.states?.length ? { state: { in: filter.states } } : {}) },
    include: RELEASE_INCLUDE,
    orderBy: { createdAt: "desc" },
    take: filter.take,
  });
}

export function findReleasesInState(client: Tx | Db, projectId: string, state: ReleaseState) {
  return client.release.findMany({ where: { projectId, state }, orderBy: { updatedAt: "desc" }, select: { id: true, version: true, state: true, authorId: true } });
}

export function findModelVersions(client: Tx | Db, projectId: string, ids: string[]) {
  return client.modelVersion.findMany({ where: { projectId, id: { in: ids } }, select: MODEL_SELECT });
}

export function findPromptVersions(client: Tx | Db, projectId: string, ids: string[]) {
  return client.promptVersion.findMany({ where: { projectId, id: { in: ids } }, select: { id: true, version: true, prompt: { select: { name: true } } } });
}

export function findRetrievalConfigVersion(client: Tx | Db, projectId: string, id: string) {
  return client.retrievalConfigVersion.findFirst({ where: { projectId, id }, select: { id: true, version: true, retrievalConfig: { select: { name: true } } } });
}

export function findVersionTaken(client: Tx | Db, projectId: string, version: string, exceptId?: string) {
  return client.release.findFirst({ where: { projectId, version, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
}

/**
 * The release that the rolled-back one superseded when it was promoted: where a rollback of production
 * returns to. The supersede transition names its successor's version (unique in the project).
 */
export async function findPreviousProduction(client: Tx | Db, projectId: string, rolledBack: { id: string; version: string }) {
  const t = await client.releaseTransition.findFirst({
    where: { toState: "superseded", reason: supersededReason(rolledBack.version), release: { projectId, state: "superseded", NOT: { id: rolledBack.id } } },
    orderBy: { createdAt: "desc" },
    select: { releaseId: true },
  });
  return t ? client.release.findFirst({ where: { id: t.releaseId, projectId }, select: { id: true, version: true, state: true } }) : null;
}

export const supersededReason = (successorVersion: string) => `superseded by ${successorVersion}`;

export function insertTransition(tx: Tx, data: Prisma.ReleaseTransitionUncheckedCreateInput) {
  return tx.releaseTransition.create({ data });
}

export function findApprovals(client: Tx | Db, releaseId: string) {
  return client.releaseApproval.findMany({ where: { releaseId }, orderBy: { createdAt: "asc" } });
}

export function findProject(client: Tx | Db, projectId: string) {
  return client.project.findUnique({ where: { id: projectId }, select: { slug: true } });
}
