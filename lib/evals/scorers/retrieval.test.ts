import { describe, expect, it } from "vitest";
import { computeRetrievalMetrics, scoreMrr, scorePrecisionAtK, scoreRecallAtK } from "./retrieval";

describe("retrieval metrics", () => {
  const retrieved = ["d7", "d2", "d9", "d4", "d1"];
  const relevant = ["d2", "d4", "d5"];

  it("computes recall@k, precision@k and the reciprocal rank", () => {
    expect(computeRetrievalMetrics(retrieved, relevant, 3)).toEqual({ k: 3, recall: 1 / 3, precision: 1 / 3, reciprocalRank: 0.5, firstRelevantRank: 2, hits: 1 });
    expect(computeRetrievalMetrics(retrieved, relevant, 5)).toMatchObject({ recall: 2 / 3, precision: 2 / 5 });
    expect(computeRetrievalMetrics(retrieved, relevant)).toMatchObject({ k: 5, hits: 2 });
  });

  it("divides precision by k even when fewer documents came back, and counts repeats once", () => {
    expect(computeRetrievalMetrics(["d2"], relevant, 4).precision).toBe(0.25);
    expect(computeRetrievalMetrics(["d2", "d2", "d4"], relevant, 2)).toMatchObject({ hits: 2, recall: 2 / 3 });
  });

  it("scores 0 when nothing relevant was retrieved, and refuses an empty relevant set", () => {
    expect(scoreMrr(["x", "y"], relevant, {})).toMatchObject({ score: 0, explanation: "No relevant document in the top 2." });
    expect(() => computeRetrievalMetrics(["x"], [])).toThrow(/at least one relevant/);
  });

  it("adds a verdict only when a threshold is configured", () => {
    expect(scoreRecallAtK(retrieved, relevant, { k: 5 })).not.toHaveProperty("passed");
    expect(scoreRecallAtK(retrieved, relevant, { k: 5, threshold: 0.5 })).toMatchObject({ score: 2 / 3, passed: true });
    expect(scorePrecisionAtK(retrieved, relevant, { k: 5, threshold: 0.5 })).toMatchObject({ score: 0.4, passed: false });
    expect(scoreMrr(retrieved, relevant, {}).explanation).toBe("First relevant document at rank 2.");
  });
});
