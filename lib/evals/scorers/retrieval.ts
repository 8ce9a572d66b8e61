import { z } from "zod";
import type { ScoreResult } from "../types";

export const ZRetrievalConfig = z
  .object({
    /** Cut-off; without it, every retrieved document counts. */
    k: z.number().int().positive("must be at least 1").optional(),
    /** Optional pass mark on the scorer's own metric. */
    threshold: z.number().min(0).max(1).optional(),
  })
  .strict();
export type RetrievalConfig = z.infer<typeof ZRetrievalConfig>;

export interface RetrievalMetrics {
  k: number;
  recall: number;
  precision: number;
  reciprocalRank: number;
  /** 1-based rank of the first relevant document within the top k. */
  firstRelevantRank?: number;
  hits: number;
}

/**
 * Precision@k divides by k even when fewer than k documents came back (the standard IR definition:
 * an empty slot is not a relevant document). Repeated ids count once, at their first position.
 */
export function computeRetrievalMetrics(retrievedDocIds: string[], relevantDocIds: string[], k?: number): RetrievalMetrics {
  const relevant = new Set(relevantDocIds);
  if (relevant.size === 0) throw new Error("Retrieval metrics need at least one relevant document id.");
  const retrieved = [...new Set(retrievedDocIds)];
  const cutoff = k ?? Math.max(1, retrieved.length);
  const top = retrieved.slice(0, cutoff);
  const hits = top.filter((id) => relevant.has(id)).length;
  const index = top.findIndex((id) => relevant.has(id));
  const firstRelevantRank = index === -1 ? undefined : index + 1;
  return {
    k: cutoff,
    recall: hits / relevant.size,
    precision: hits / cutoff,
    reciprocalRank: firstRelevantRank ? 1 / firstRelevantRank : 0,
    firstRelevantRank,
    hits,
  };
}

function withThreshold(score: number, threshold: number | undefined, explanation: string): ScoreResult {
  return threshold === undefined ? { score, explanation } : { score, passed: score >= threshold, explanation };
}

export function scoreRecallAtK(retrieved: string[], relevant: string[], config: RetrievalConfig): ScoreResult {
  const m = computeRetrievalMetrics(retrieved, relevant, config.k);
  return withThreshold(m.recall, config.threshold, `${m.hits} of ${new Set(relevant).size} relevant documents in the top ${m.k}.`);
}

export function scorePrecisionAtK(retrieved: string[], relevant: string[], config: RetrievalConfig): ScoreResult {
  const m = computeRetrievalMetrics(retrieved, relevant, config.k);
  return withThreshold(m.precision, config.threshold, `${m.hits} of the top ${m.k} documents are relevant.`);
}

/** Per item this is the reciprocal rank; the run's mean of it is the MRR. */
export function scoreMrr(retrieved: string[], relevant: string[], config: RetrievalConfig): ScoreResult {
  const m = computeRetrievalMetrics(retrieved, relevant, config.k);
  const explanation = m.firstRelevantRank
    ? `First relevant document at rank ${m.firstRelevantRank}.`
    : `No relevant document in the top ${m.k}.`;
  return withThreshold(m.reciprocalRank, config.threshold, explanation);
}
