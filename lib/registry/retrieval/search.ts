import { cosineSimilarity } from "../../providers/offline-embed";
import { contentTerms } from "../../providers/offline-text";

// Exact nearest-neighbour search over stored chunk embeddings: every chunk is scored (fine up to
// ~100k chunks per config version; beyond that, pgvector — README "Retrieval"), then optionally a
// lexical rerank of the best candidates with BM25, which favours chunks sharing the query's exact
// words (product names, error codes) that an embedding may blur.

export interface SearchOptions {
  topK: number;
  minSimilarity: number;
  rerank: "none" | "lexical";
}

export interface Scored<T> {
  item: T;
  score: number;
  lexicalScore?: number;
}

/** How many candidates (× topK) the lexical rerank reorders. */
export const RERANK_POOL_FACTOR = 4;
const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** The k most similar items at or above minSimilarity, best first (ties keep input order). */
export function topKBySimilarity<T extends { embedding: number[] }>(query: number[], items: readonly T[], k: number, minSimilarity: number): Scored<T>[] {
  const scored: Scored<T>[] = [];
  for (const item of items) {
    const score = cosineSimilarity(query, item.embedding);
    if (score >= minSimilarity) scored.push({ item, score });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, k);
}

/** BM25 scores of each text against the query, with document frequencies taken over these texts. */
export function bm25Scores(query: string, texts: readonly string[]): number[] {
  const queryTerms = [...new Set(contentTerms(query))];
  const docs = texts.map((t) => contentTerms(t));
  const avgLength = docs.reduce((n, d) => n + d.length, 0) / Math.max(docs.length, 1) || 1;
  const df = new Map<string, number>();
  for (const d of docs) for (const term of new Set(d)) df.set(term, (df.get(term) ?? 0) + 1);
  return docs.map((d) => {
    const tf = new Map<string, number>();
    for (const term of d) tf.set(term, (tf.get(term) ?? 0) + 1);
    let score = 0;
    for (const term of queryTerms) {
      const f = tf.get(term);
      if (!f) continue;
      const n = df.get(term) ?? 0;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      score += (idf * f * (BM25_K1 + 1)) / (f + BM25_K1 * (1 - BM25_B + (BM25_B * d.length) / avgLength));
    }
    return score;
  });
}

/** Reorders candidates by BM25 (ties broken by their similarity) and keeps k. */
export function rerankLexically<T extends { text: string }>(query: string, candidates: readonly Scored<T>[], k: number): Scored<T>[] {
  const lexical = bm25Scores(query, candidates.map((c) => c.item.text));
  return candidates
    .map((c, i) => ({ ...c, lexicalScore: lexical[i] }))
    .sort((a, b) => b.lexicalScore - a.lexicalScore || b.score - a.score)
    .slice(0, k);
}

/** The search a retrieval config version describes, over its indexed chunks. */
export function searchChunks<T extends { embedding: number[]; text: string }>(
  queryText: string,
  queryVector: number[],
  chunks: readonly T[],
  options: SearchOptions,
): Scored<T>[] {
  if (options.rerank === "none") return topKBySimilarity(queryVector, chunks, options.topK, options.minSimilarity);
  const pool = topKBySimilarity(queryVector, chunks, options.topK * RERANK_POOL_FACTOR, options.minSimilarity);
  return rerankLexically(queryText, pool, options.topK);
}
