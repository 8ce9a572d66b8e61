import type { Prisma } from "../../generated/prisma/client";
import { db, type Tx } from "../../db";

// The only Prisma access of knowledge bases and retrieval configs. Every query is scoped by project.

const documentFields = {
  id: true, sourceId: true, title: true, sizeBytes: true, contentHash: true, lastUpdatedAt: true, createdAt: true, updatedAt: true,
} as const;

export function findKnowledgeBases(projectId: string) {
  return db().knowledgeBase.findMany({ where: { projectId }, orderBy: { name: "asc" }, include: { _count: { select: { documents: true } } } });
}

export function findKnowledgeBase(tx: Tx, projectId: string, id: string) {
  return tx.knowledgeBase.findFirst({ where: { id, projectId }, include: { _count: { select: { documents: true } } } });
}

export function findKnowledgeBaseByName(tx: Tx, projectId: string, name: string) {
  return tx.knowledgeBase.findUnique({ where: { projectId_name: { projectId, name } } });
}

export function insertKnowledgeBase(tx: Tx, data: { projectId: string; name: string; description: string | null }) {
  return tx.knowledgeBase.create({ data, include: { _count: { select: { documents: true } } } });
}

export function touchKnowledgeBase(tx: Tx, id: string) {
  return tx.knowledgeBase.update({ where: { id }, data: { updatedAt: new Date() } });
}

export function findDocuments(projectId: string, knowledgeBaseId: string) {
  return db().knowledgeDocument.findMany({ where: { projectId, knowledgeBaseId }, orderBy: { sourceId: "asc" }, select: documentFields });
}

export function findDocumentBySource(tx: Tx, knowledgeBaseId: string, sourceId: string) {
  return tx.knowledgeDocument.findUnique({ where: { knowledgeBaseId_sourceId: { knowledgeBaseId, sourceId } }, select: documentFields });
}

export function insertDocument(tx: Tx, data: Prisma.KnowledgeDocumentUncheckedCreateInput) {
  return tx.knowledgeDocument.create({ data, select: documentFields });
}

export function updateDocument(tx: Tx, id: string, data: Prisma.KnowledgeDocumentUncheckedUpdateInput) {
  return tx.knowledgeDocument.update({ where: { id }, data, select: documentFields });
}

/** Everything the indexer needs, text included. */
export function findDocumentsForIndex(projectId: string, knowledgeBaseId: string) {
  return db().knowledgeDocument.findMany({
    where: { projectId, knowledgeBaseId }, orderBy: { sourceId: "asc" }, select: { id: true, title: true, text: true, contentHash: true },
  });
}

// --- retrieval configs ---

const versionInclude = { retrievalConfig: { select: { name: true } } } as const;

export function findRetrievalConfigByName(tx: Tx, projectId: string, name: string) {
  return tx.retrievalConfig.findUnique({ where: { projectId_name: { projectId, name } } });
}

export function insertRetrievalConfig(tx: Tx, data: { projectId: string; name: string; description: string | null }) {
  return tx.retrievalConfig.create({ data });
}

/** Serialises writers of one config until the transaction ends, so version numbers never collide. */
export async function lockRetrievalConfig(tx: Tx, projectId: string, id: string) {
  await tx.$queryRaw`select id from "RetrievalConfig" where id = ${id} and "projectId" = ${projectId} for update`;
}

export function updateRetrievalConfig(tx: Tx, id: string, data: { description?: string | null }) {
  return tx.retrievalConfig.update({ where: { id }, data: { ...data, updatedAt: new Date() } });
}

export function findLatestRetrievalConfigVersion(tx: Tx, retrievalConfigId: string) {
  return tx.retrievalConfigVersion.findFirst({ where: { retrievalConfigId }, orderBy: { version: "desc" }, include: versionInclude });
}

export function insertRetrievalConfigVersion(tx: Tx, data: Prisma.RetrievalConfigVersionUncheckedCreateInput) {
  return tx.retrievalConfigVersion.create({ data, include: versionInclude });
}

/** Only while the version is being created: its sealed credential is bound to its id. */
export function sealRetrievalConfigVersionSecret(tx: Tx, id: string, data: { externalAuthCiphertext: string; externalAuthNonce: string; externalAuthKeyId: string; externalAuthHint: string | null }) {
  return tx.retrievalConfigVersion.update({ where: { id }, data, include: versionInclude });
}

export function findRetrievalConfigs(projectId: string) {
  return db().retrievalConfig.findMany({
    where: { projectId },
    orderBy: [{ updatedAt: "desc" }, { name: "asc" }],
    include: { versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } } },
  });
}

export function findRetrievalConfigWithVersions(projectId: string, name: string) {
  return db().retrievalConfig.findUnique({
    where: { projectId_name: { projectId, name } },
    include: { versions: { orderBy: { version: "desc" }, include: versionInclude } },
  });
}

export function findRetrievalConfigVersion(tx: Tx, projectId: string, name: string, version: number) {
  return tx.retrievalConfigVersion.findFirst({ where: { projectId, version, retrievalConfig: { projectId, name } }, include: versionInclude });
}

export function findRetrievalConfigVersionById(tx: Tx, projectId: string, id: string) {
  return tx.retrievalConfigVersion.findFirst({ where: { id, projectId }, include: versionInclude });
}

export function findModelVersionForEmbedding(tx: Tx, projectId: string, id: string) {
  return tx.modelVersion.findFirst({ where: { id, projectId }, select: { id: true, displayName: true, capabilities: true, connectionId: true, providerModelId: true } });
}
