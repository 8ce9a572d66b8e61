import { contentTerms } from "./offline-text";

export const OFFLINE_EMBEDDING_DIMENSIONS = 256;
const BIGRAM_WEIGHT = 0.5;

/** 32-bit FNV-1a over UTF-16 code units: fast, dependency-free and stable across runs and machines. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The hashing trick (Weinberger et al., 2009): content-word unigrams and bigrams hashed into
 * `dimensions` buckets with a hash-derived sign so collisions cancel out on average; L2-normalised so
 * a dot product is the cosine. Text without words maps to the zero vector.
 */
export function embedByHashing(text: string, dimensions = OFFLINE_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const terms = contentTerms(text);
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    vector[hash % dimensions] += hash & 0x80000000 ? -weight : weight;
  };
  terms.forEach((term, i) => {
    add(term, 1);
    if (i > 0) add(`${terms[i - 1]}\u241f${term}`, BIGRAM_WEIGHT);
  });
  const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0));
  return norm === 0 ? vector : vector.map((v) => v / norm);
}

export function cosineSimilarity(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
