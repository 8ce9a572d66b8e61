import { db } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Principal } from "../../authz/principal";
import { callExternalRetriever } from "./external";
import { embedderFor } from "./index-build";
import { countChunks, findChunksForSearch, findIndexBuild, findVersionForIndex } from "./index-repo";
import { rerankLexically, searchChunks, type Scored } from "./search";
import { openRetrieverSecret, retrievalConfigVersionRow } from "./service";
import type { TRetrievedChunk, TSearchResult } from "./schemas";

// Top-k retrieval for one config version — the function the playground, evals and the gateway call.

type SearchChunk = Awaited<ReturnType<typeof findChunksForSearch>>[number];

// Loading every embedding per query is the cost of exact search; keep the last few versions' chunks
// in memory, keyed by build generation and finish time so a rebuild is seen at once.
const CACHE_LIMIT = 4;
const cache = new Map<string, { key: string; chunks: SearchChunk[] }>();

async function chunksOf(projectId: string, versionId: string, buildKey: string): Promise<SearchChunk[]> {
  const hit = cache.get(versionId);
  if (hit?.key === buildKey) return hit.chunks;
  const chunks = await findChunksForSearch(projectId, versionId);
  cache.delete(versionId);
  cache.set(versionId, { key: buildKey, chunks });
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return chunks;
}

const fromScored = (s: Scored<SearchChunk>): TRetrievedChunk => ({
  text: s.item.text,
  documentSourceId: s.item.document.sourceId,
  title: s.item.document.title,
  lastUpdatedAt: s.item.document.lastUpdatedAt.toISOString(),
  score: s.score,
  ...(s.lexicalScore === undefined ? {} : { lexicalScore: s.lexicalScore }),
});

/**
 * The top-k chunks for a query under a config version, best first. Internal callers (playground,
 * evals, gateway) authorize before calling; `searchRetrievalConfig` is the authorized entry point.
 */
export async function searchKnowledge(projectId: string, configVersionId: string, query: string): Promise<TSearchResult> {
  const version = await findVersionForIndex(projectId, configVersionId);
  if (!version) throw new AppError("NOT_FOUND", "No retrieval config version with this id in this project.");
  const options = { topK: version.topK, minSimilarity: version.minSimilarity, rerank: version.rerank };

  if (version.externalUrl) {
    const headers: Record<string, string> = { ...((version.externalHeaders ?? {}) as Record<string, string>) };
    if (version.externalAuthHeader) {
      const secret = openRetrieverSecret(version);
      if (secret === null) throw new AppError("CONFLICT", "The external retriever's credential does not decrypt (a missing key). Save a new version with the credential re-entered.");
      headers[version.externalAuthHeader] = secret;
    }
    // a score-less chunk cannot be held to minSimilarity; the retriever chose it
    const chunks = (await callExternalRetriever({ url: version.externalUrl, headers, query, topK: version.topK }))
      .filter((c) => c.score === null || c.score >= version.minSimilarity);
    if (version.rerank === "none") return { source: "external", chunks: chunks.slice(0, version.topK) };
    const reranked = rerankLexically(query, chunks.map((c) => ({ item: c, score: c.score ?? 0 })), version.topK);
    return { source: "external", chunks: reranked.map((r) => ({ ...r.item, lexicalScore: r.lexicalScore })) };
  }

  const build = await findIndexBuild(db(), projectId, version.id);
  if (!build || !(await countChunks(projectId, version.id))) {
    if (build?.status === "done") return { source: "knowledge_base", chunks: [] };
    const state = build ? `the build is ${build.status}` : "it has not been built";
    throw new AppError("CONFLICT", `The index of ${version.retrievalConfig.name} v${version.version} is empty: ${state}. Build the index first.`);
  }
  const [chunks, embed] = await Promise.all([
    chunksOf(projectId, version.id, `${build.generation}:${build.status}:${build.finishedAt?.getTime() ?? ""}:${build.doneChunks}`),
    embedderFor(projectId, version.embeddingModelVersion),
  ]);
  const [vector] = await embed([query]);
  return { source: "knowledge_base", chunks: searchChunks(query, vector, chunks, options).map(fromScored) };
}

/** Search through the API or console: the caller needs registry:read in the version's project. */
export async function searchRetrievalConfig(principal: Principal, name: string, version: number, query: string): Promise<TSearchResult> {
  assertCan(principal, "registry:read");
  const row = await retrievalConfigVersionRow(principal.projectId, name, version);
  return searchKnowledge(principal.projectId, row.id, query);
}
