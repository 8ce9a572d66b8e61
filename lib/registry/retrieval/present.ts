import type { IndexBuild } from "../../generated/prisma/client";
import type { TIndexBuild, TKnowledgeBase, TKnowledgeDocument, TRetrievalConfigSummary, TRetrievalConfigVersion } from "./schemas";

// Rows → API shapes. Never the external retriever's credential: only its header name and hint.

export function presentKnowledgeBase(kb: { id: string; name: string; description: string | null; createdAt: Date; updatedAt: Date; _count: { documents: number } }): TKnowledgeBase {
  return {
    id: kb.id, name: kb.name, description: kb.description, documentCount: kb._count.documents,
    createdAt: kb.createdAt.toISOString(), updatedAt: kb.updatedAt.toISOString(),
  };
}

export function presentDocument(d: { id: string; sourceId: string; title: string; sizeBytes: number; contentHash: string; lastUpdatedAt: Date; createdAt: Date; updatedAt: Date }): TKnowledgeDocument {
  return {
    id: d.id, sourceId: d.sourceId, title: d.title, sizeBytes: d.sizeBytes, contentHash: d.contentHash,
    lastUpdatedAt: d.lastUpdatedAt.toISOString(), createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(),
  };
}

export interface ConfigVersionRow {
  id: string;
  retrievalConfigId: string;
  version: number;
  embeddingModelVersionId: string;
  chunkSize: number;
  chunkOverlap: number;
  topK: number;
  minSimilarity: number;
  rerank: "none" | "lexical";
  knowledgeBaseId: string | null;
  externalUrl: string | null;
  externalHeaders: unknown;
  externalAuthHeader: string | null;
  externalAuthHint: string | null;
  changelog: string;
  contentHash: string;
  authorLabel: string;
  createdAt: Date;
  retrievalConfig: { name: string };
}

export function presentConfigVersion(v: ConfigVersionRow): TRetrievalConfigVersion {
  return {
    id: v.id, retrievalConfigId: v.retrievalConfigId, name: v.retrievalConfig.name, version: v.version,
    embeddingModelVersionId: v.embeddingModelVersionId, chunkSize: v.chunkSize, chunkOverlap: v.chunkOverlap, topK: v.topK,
    minSimilarity: v.minSimilarity, rerank: v.rerank, knowledgeBaseId: v.knowledgeBaseId,
    externalRetriever: v.externalUrl
      ? { url: v.externalUrl, headers: (v.externalHeaders ?? {}) as Record<string, string>, authHeader: v.externalAuthHeader, authHint: v.externalAuthHint }
      : null,
    changelog: v.changelog, contentHash: v.contentHash, author: v.authorLabel, createdAt: v.createdAt.toISOString(),
  };
}

export function presentConfigSummary(c: { id: string; name: string; description: string | null; createdAt: Date; updatedAt: Date; versions: { version: number }[] }): TRetrievalConfigSummary {
  return {
    id: c.id, name: c.name, description: c.description, latestVersion: c.versions[0]?.version ?? null,
    createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentIndexBuild(b: IndexBuild): TIndexBuild {
  return {
    buildId: b.id, retrievalConfigVersionId: b.retrievalConfigVersionId, generation: b.generation, status: b.status,
    totalDocuments: b.totalDocuments, totalChunks: b.totalChunks, doneChunks: b.doneChunks, error: b.error,
    queuedAt: b.queuedAt.toISOString(), startedAt: b.startedAt?.toISOString() ?? null, finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}
