import { describe, expect, it } from "vitest";
import { averageRanks, bootstrapKappaInterval, confusionMatrix, meanAbsoluteError, quadraticWeightedKappa, spearman, verbosityBias, type ScorePair } from "./stats";

const pairsOf = (human: number[], judge: number[]): ScorePair[] => human.map((h, i) => ({ human: h, judge: judge[i] }));

describe("quadraticWeightedKappa", () => {
  it("reproduces Maple EssayTools' published examples", () => {
    // Maple, EssayTools[QuadraticWeightedKappa] help page: 0.758620689655172 (= 22/29) and 0.438095238095238.
    const a = [9, 7, 8, 7, 6, 8, 3, 5, 10];
    expect(quadraticWeightedKappa(pairsOf(a, [8, 8, 6, 6, 7, 6, 1, 4, 8]), { min: 1, max: 10 })).toBeCloseTo(0.758620689655172, 12);
    expect(quadraticWeightedKappa(pairsOf(a, [3, 5, 6, 6, 7, 6, 1, 4, 8]), { min: 1, max: 10 })).toBeCloseTo(0.438095238095238, 12);
  });

  it("matches a hand-worked 3-point example", () => {
    // O: diagonal 1 each, (1,2) (2,3) (3,1) once; marginals all 2 of 6 → E = 2/3 per cell.
    // Σw·O = 1/4 + 1/4 + 1 = 1.5; Σw·E = 2/3 × (4 × 1/4 + 2 × 1) = 2 → κ = 1 − 1.5/2 = 0.25.
    expect(quadraticWeightedKappa(pairsOf([1, 2, 3, 1, 2, 3], [1, 2, 3, 2, 3, 1]), { min: 1, max: 3 })).toBeCloseTo(0.25, 12);
  });

  it("is 1 on perfect agreement, null without variation or pairs, and refuses scores off the scale", () => {
    expect(quadraticWeightedKappa(pairsOf([1, 3, 5], [1, 3, 5]), { min: 1, max: 5 })).toBe(1);
    expect(quadraticWeightedKappa(pairsOf([4, 4], [4, 4]), { min: 1, max: 5 })).toBeNull();
    expect(quadraticWeightedKappa([], { min: 1, max: 5 })).toBeNull();
    expect(() => quadraticWeightedKappa(pairsOf([6], [1]), { min: 1, max: 5 })).toThrow(RangeError);
  });
});

describe("spearman", () => {
  it("reproduces Wikipedia's IQ vs. hours of TV example (ρ = −29/165)", () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 12);
  });

  it("gives tied values their average rank", () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    // ranks x = 1, 2.5, 2.5, 4 and y = 1, 3, 2, 4: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 3/√10.
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it("is null with fewer than two pairs or a constant list", () => {
    expect(spearman([1], [2])).toBeNull();
    expect(spearman([3, 3, 3], [1, 2, 3])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
  });
});

describe("mean absolute error and confusion matrix", () => {
  it("computes worked examples", () => {
    expect(meanAbsoluteError(pairsOf([1, 2, 3, 4], [1, 4, 2, 4]))).toBe(0.75);
    expect(meanAbsoluteError([])).toBeNull();
    const m = confusionMatrix(pairsOf([1, 1, 2, 3, 3], [1, 2, 2, 3, 1]), { min: 1, max: 3 });
    expect(m.values).toEqual([1, 2, 3]);
    expect(m.counts).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });
});

describe("verbosityBias", () => {
  it("is the judge's length correlation minus the humans'", () => {
    const lengths = [100, 200, 300, 400, 500];
    // the judge ranks exactly by length (ρ = 1); humans: ranks 2,1,4,3,5 vs 1..5 → 1 − 6·4/120 = 0.8
    const pairs = pairsOf([2, 1, 4, 3, 5], [1, 2, 3, 4, 5]);
    const v = verbosityBias(pairs, lengths)!;
    expect(v.judge).toBeCloseTo(1, 12);
    expect(v.human).toBeCloseTo(0.8, 12);
    expect(v.bias).toBeCloseTo(0.2, 12);
    expect(verbosityBias(pairsOf([3, 3], [3, 4]), [10, 20])).toBeNull();
  });
});

describe("bootstrapKappaInterval", () => {
  const human = [1, 2, 3, 4, 5, 2, 3, 4, 5, 1, 3, 3, 4, 2, 5, 4, 1, 2, 3, 4];
  const judge = [1, 3, 3, 4, 4, 2, 2, 5, 5, 2, 3, 4, 4, 1, 5, 3, 2, 2, 3, 5];
  const pairs = pairsOf(human, judge);
  const scale = { min: 1, max: 5 };

  it("brackets the estimate and is reproducible for a seed", () => {
    const a = bootstrapKappaInterval(pairs, scale, { seed: 7, resamples: 500 })!;
    const b = bootstrapKappaInterval(pairs, scale, { seed: 7, resamples: 500 })!;
    expect(a).toEqual(b);
    expect(a.estimate).toBeCloseTo(quadraticWeightedKappa(pairs, scale)!, 12);
    expect(a.low).toBeLessThan(a.estimate);
    expect(a.high).toBeGreaterThan(a.estimate);
    expect(a.high).toBeLessThanOrEqual(1);
    expect(a.n).toBe(20);
  });

  it("narrows as the sample grows and is a point for perfect agreement", () => {
    const small = bootstrapKappaInterval(pairs, scale, { resamples: 500 })!;
    const large = bootstrapKappaInterval([...pairs, ...pairs, ...pairs, ...pairs], scale, { resamples: 500 })!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(bootstrapKappaInterval(pairsOf([1, 2, 5], [1, 2, 5]), scale)).toMatchObject({ estimate: 1, low: 1, high: 1 });
    expect(bootstrapKappaInterval(pairsOf([3], [3]), scale)).toBeNull();
  });
});
