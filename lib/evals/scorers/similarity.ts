import { z } from "zod";
import { cosineSimilarity, embedByHashing } from "@/lib/providers/offline-embed";
import type { EmbedFn, ScoreResult } from "../types";

export const ZSimilarityConfig = z
  .object({
    // Calibrated for the offline hashing embedder, whose cosines run lower than a neural model's;
    // set it per dataset when a real embedding model is used.
    threshold: z.number().min(0).max(1).default(0.6),
  })
  .strict();
export type SimilarityConfig = z.infer<typeof ZSimilarityConfig>;

/** The offline embedder as an EmbedFn, for runs without an embedding model. */
export const embedOffline: EmbedFn = async (texts) => texts.map((t) => embedByHashing(t));

/** Cosine similarity of answer and reference embeddings; negative cosines count as 0. */
export async function scoreSimilarity(output: string, reference: string, config: SimilarityConfig, embed: EmbedFn = embedOffline): Promise<ScoreResult> {
  const vectors = await embed([output, reference]);
  if (vectors.length !== 2 || vectors[0].length !== vectors[1].length) {
    throw new Error(`The embedder returned ${vectors.length} vectors for 2 texts (or vectors of different sizes).`);
  }
  const cosine = cosineSimilarity(vectors[0], vectors[1]);
  const score = Math.min(1, Math.max(0, cosine));
  const passed = score >= config.threshold;
  return { score, passed, explanation: `Cosine similarity to the reference ${score.toFixed(3)} ${passed ? "≥" : "<"} ${config.threshold}.` };
}
