import { describe, expect, it } from "vitest";
import type { EmbedFn } from "../types";
import { ZSimilarityConfig, scoreSimilarity } from "./similarity";

const config = ZSimilarityConfig.parse({ threshold: 0.5 });

describe("embedding similarity", () => {
  it("scores an identical answer 1 and an unrelated one low with the offline embedder", async () => {
    const reference = "Refunds are accepted within 30 days of delivery.";
    expect(await scoreSimilarity(reference, reference, config)).toMatchObject({ score: expect.closeTo(1, 10), passed: true });
    const unrelated = await scoreSimilarity("Express shipping is available in Riyadh.", reference, config);
    expect(unrelated.score).toBeLessThan(0.3);
    expect(unrelated.passed).toBe(false);
    expect(unrelated.explanation).toMatch(/< 0.5/);
  });

  it("uses the embedder it is given and clamps negative cosines to 0", async () => {
    const calls: string[][] = [];
    const embed: EmbedFn = async (texts) => {
      calls.push(texts);
      return [[1, 0], [-1, 0]];
    };
    expect(await scoreSimilarity("a", "b", config, embed)).toMatchObject({ score: 0, passed: false });
    expect(calls).toEqual([["a", "b"]]);
  });

  it("fails loudly when the embedder returns the wrong number of vectors", async () => {
    await expect(scoreSimilarity("a", "b", config, async () => [[1]])).rejects.toThrow(/1 vectors for 2 texts/);
  });
});
