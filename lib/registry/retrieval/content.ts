import { contentHash } from "../../audit/chain";
import { deepEqual, type FieldChange } from "../prompts/diff";
import type { TCreateRetrievalConfigVersion, TRetrievalConfigVersion } from "./schemas";

// What a retrieval config version says — the part its content hash covers and its diff compares.
// The external retriever's credential is not content here: only which header carries it (the
// service compares the sealed values separately, so a new credential is still a new version).

export interface RetrievalContent {
  embeddingModelVersionId: string;
  chunkSize: number;
  chunkOverlap: number;
  topK: number;
  minSimilarity: number;
  rerank: "none" | "lexical";
  knowledgeBaseId: string | null;
  externalRetriever: { url: string; headers: Record<string, string>; authHeader: string | null } | null;
}

export function contentOfInput(input: TCreateRetrievalConfigVersion, externalUrl: string | null): RetrievalContent {
  const ext = input.externalRetriever;
  return {
    embeddingModelVersionId: input.embeddingModelVersionId,
    chunkSize: input.chunkSize,
    chunkOverlap: input.chunkOverlap,
    topK: input.topK,
    minSimilarity: input.minSimilarity,
    rerank: input.rerank,
    knowledgeBaseId: ext ? null : input.knowledgeBaseId ?? null,
    externalRetriever: ext && externalUrl ? { url: externalUrl, headers: lowerKeys(ext.headers ?? {}), authHeader: ext.authHeader?.name.toLowerCase() ?? null } : null,
  };
}

export function contentOfVersion(v: TRetrievalConfigVersion): RetrievalContent {
  return {
    embeddingModelVersionId: v.embeddingModelVersionId,
    chunkSize: v.chunkSize,
    chunkOverlap: v.chunkOverlap,
    topK: v.topK,
    minSimilarity: v.minSimilarity,
    rerank: v.rerank,
    knowledgeBaseId: v.knowledgeBaseId,
    externalRetriever: v.externalRetriever ? { url: v.externalRetriever.url, headers: v.externalRetriever.headers, authHeader: v.externalRetriever.authHeader } : null,
  };
}

// header names are case-insensitive: one spelling, so "X-Team" and "x-team" hash the same
function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

export function retrievalContentHash(content: RetrievalContent): string {
  return contentHash(content);
}

/** Field-level before → after between two versions, in a fixed field order. */
export function diffRetrievalContent(a: RetrievalContent, b: RetrievalContent): FieldChange[] {
  const flat = (c: RetrievalContent): [string, unknown][] => [
    ["embeddingModelVersionId", c.embeddingModelVersionId],
    ["chunkSize", c.chunkSize],
    ["chunkOverlap", c.chunkOverlap],
    ["topK", c.topK],
    ["minSimilarity", c.minSimilarity],
    ["rerank", c.rerank],
    ["knowledgeBaseId", c.knowledgeBaseId],
    ["externalRetriever.url", c.externalRetriever?.url ?? null],
    ["externalRetriever.headers", c.externalRetriever?.headers ?? null],
    ["externalRetriever.authHeader", c.externalRetriever?.authHeader ?? null],
  ];
  const before = flat(a);
  const after = new Map(flat(b));
  return before.filter(([field, value]) => !deepEqual(value, after.get(field))).map(([field, value]) => ({ field, before: value, after: after.get(field) }));
}
