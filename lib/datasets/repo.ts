import type { Prisma } from "../generated/prisma/client";
import { db, type Tx } from "../db";
import type { DatasetItem } from "./schemas";

// The only Prisma access of datasets. Every query is scoped by project.

const latestVersion = { versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, itemCount: true } } } as const;
const itemFields = {
  key: true, inputs: true, contextChunks: true, reference: true, relevantDocIds: true, tags: true, language: true, split: true, position: true,
} as const;

export function findDatasetByName(tx: Tx, projectId: string, name: string) {
  return tx.dataset.findUnique({ where: { projectId_name: { projectId, name } } });
}

export function insertDataset(tx: Tx, data: { projectId: string; name: string; description: string | null; tags: string[] }) {
  return tx.dataset.create({ data, include: latestVersion });
}

/** Serialises writers of one dataset until the transaction ends, so version numbers never collide. */
export async function lockDataset(tx: Tx, projectId: string, id: string) {
  await tx.$queryRaw`select id from "Dataset" where id = ${id} and "projectId" = ${projectId} for update`;
}

export function touchDataset(tx: Tx, id: string) {
  return tx.dataset.update({ where: { id }, data: { updatedAt: new Date() } });
}

export function findLatestDatasetVersion(tx: Tx, datasetId: string) {
  return tx.datasetVersion.findFirst({ where: { datasetId }, orderBy: { version: "desc" } });
}

export function findDatasetVersion(tx: Tx, projectId: string, name: string, version: number) {
  return tx.datasetVersion.findFirst({ where: { projectId, version, dataset: { projectId, name } } });
}

export function findVersionItems(tx: Tx, projectId: string, datasetVersionId: string, page?: { after?: number; take: number }) {
  return tx.datasetItem.findMany({
    where: { projectId, datasetVersionId, ...(page?.after !== undefined ? { position: { gt: page.after } } : {}) },
    orderBy: { position: "asc" },
    ...(page ? { take: page.take } : {}),
    select: itemFields,
  });
}

const INSERT_BATCH = 2000;

export async function insertDatasetVersion(
  tx: Tx,
  data: Omit<Prisma.DatasetVersionUncheckedCreateInput, "items">,
  items: DatasetItem[],
) {
  const version = await tx.datasetVersion.create({ data });
  for (let i = 0; i < items.length; i += INSERT_BATCH) {
    await tx.datasetItem.createMany({
      data: items.slice(i, i + INSERT_BATCH).map((it, j) => ({
        projectId: data.projectId, datasetVersionId: version.id, position: i + j, key: it.key,
        inputs: it.inputs as Prisma.InputJsonValue,
        contextChunks: (it.contextChunks ?? undefined) as Prisma.InputJsonValue | undefined,
        reference: it.reference, relevantDocIds: it.relevantDocIds, tags: it.tags, language: it.language, split: it.split,
      })),
    });
  }
  return version;
}

export function findDatasets(projectId: string) {
  return db().dataset.findMany({ where: { projectId }, orderBy: [{ updatedAt: "desc" }, { name: "asc" }], take: 500, include: latestVersion });
}

export function findDatasetWithVersions(projectId: string, name: string) {
  return db().dataset.findUnique({ where: { projectId_name: { projectId, name } }, include: { versions: { orderBy: { version: "desc" } } } });
}
