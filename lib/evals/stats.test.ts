import { describe, expect, it } from "vitest";
import { mulberry32 } from "./prng";
import { bootstrapMeanInterval, languageParityGap, mean, pairedBootstrapDifference, passRate, percentile } from "./stats";

/** Box–Muller normal samples from the seeded PRNG, so the "large sample" test is itself reproducible. */
function normalSample(n: number, mu: number, sigma: number, seed: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const u = 1 - random();
    const v = random();
    return mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  });
}

describe("mean and percentiles", () => {
  it("computes worked examples", () => {
    const values = [7, 1, 10, 3, 9, 2, 8, 4, 6, 5];
    expect(mean(values)).toBe(5.5);
    expect(percentile(values, 0.5)).toBe(5.5);
    expect(percentile(values, 0.95)).toBeCloseTo(9.55, 10); // (n − 1) × p = 8.55 → 9 + 0.55 × (10 − 9)
    expect(percentile([100, 200, 300], 0.5)).toBe(200);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 1)).toBe(10);
  });

  it("returns null for no values and rejects p outside 0..1", () => {
    expect(mean([])).toBeNull();
    expect(percentile([], 0.5)).toBeNull();
    expect(() => percentile([1], 95)).toThrow(RangeError);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("pass rate", () => {
  it("counts only results that have a verdict", () => {
    expect(passRate([true, false, true, undefined, null])).toEqual({ rate: 2 / 3, passed: 2, total: 3 });
    expect(passRate([undefined])).toBeNull();
  });
});

describe("bootstrap interval of the mean", () => {
  it("collapses to a point for a constant sample", () => {
    const interval = bootstrapMeanInterval([0.75, 0.75, 0.75, 0.75]);
    expect(interval).toEqual({ estimate: 0.75, low: 0.75, high: 0.75, n: 4 });
  });

  it("contains the true mean of a large normal sample and has about the textbook width", () => {
    const sample = normalSample(1000, 10, 2, 1);
    const interval = bootstrapMeanInterval(sample, { seed: 5 })!;
    expect(interval.low).toBeLessThan(10);
    expect(interval.high).toBeGreaterThan(10);
    // 95% half-width of the mean: 1.96 × σ/√n ≈ 0.124.
    expect((interval.high - interval.low) / 2).toBeGreaterThan(0.1);
    expect((interval.high - interval.low) / 2).toBeLessThan(0.15);
  });

  it("is reproducible with the same seed and varies with another", () => {
    const values = [0, 1, 1, 0, 1, 0.5, 0.25, 1, 0, 0.75];
    const a = bootstrapMeanInterval(values, { seed: 11 });
    expect(bootstrapMeanInterval(values, { seed: 11 })).toEqual(a);
    expect(bootstrapMeanInterval(values, { seed: 12 })).not.toEqual(a);
    expect(a!.low).toBeLessThan(a!.estimate);
    expect(a!.high).toBeGreaterThan(a!.estimate);
  });

  it("returns null for an empty sample and refuses nonsense options", () => {
    expect(bootstrapMeanInterval([])).toBeNull();
    expect(() => bootstrapMeanInterval([1], { resamples: 0 })).toThrow(RangeError);
    expect(() => bootstrapMeanInterval([1], { confidence: 95 })).toThrow(RangeError);
  });
});

describe("paired bootstrap difference", () => {
  const run = (values: number[]) => values.map((value, i) => ({ key: `item-${i}`, value }));

  it("is exactly [0, 0] for identical runs", () => {
    const values = [0.2, 0.9, 0.4, 1, 0];
    expect(pairedBootstrapDifference(run(values), run(values))).toMatchObject({ estimate: 0, low: 0, high: 0, n: 5 });
  });

  it("measures candidate minus baseline, and a uniform improvement has a point interval", () => {
    const base = [0.2, 0.5, 0.4, 0.6];
    const diff = pairedBootstrapDifference(run(base), run(base.map((v) => v + 0.25)))!;
    expect(diff.estimate).toBeCloseTo(0.25, 10);
    expect(diff.low).toBeCloseTo(0.25, 10);
    expect(diff.high).toBeCloseTo(0.25, 10);
  });

  it("pairs by key regardless of order, averages repeats and reports unmatched items", () => {
    const baseline = [{ key: "a", value: 0 }, { key: "b", value: 1 }, { key: "only-base", value: 1 }];
    const candidate = [{ key: "b", value: 1 }, { key: "a", value: 1 }, { key: "a", value: 0 }, { key: "only-cand", value: 0 }];
    const diff = pairedBootstrapDifference(baseline, candidate)!;
    expect(diff.n).toBe(2);
    expect(diff.estimate).toBe(0.25); // a: 0.5 − 0, b: 1 − 1
    expect(diff.onlyInBaseline).toEqual(["only-base"]);
    expect(diff.onlyInCandidate).toEqual(["only-cand"]);
  });

  it("returns null when the runs share no items", () => {
    expect(pairedBootstrapDifference([{ key: "a", value: 1 }], [{ key: "b", value: 1 }])).toBeNull();
  });
});

describe("language parity gap", () => {
  it("is mean(en) − mean(ar) with an interval around it, matching language subtags", () => {
    const samples = [
      ...[0.9, 0.8, 1, 0.7].map((value) => ({ language: "en", value })),
      ...[0.5, 0.6, 0.4, 0.5].map((value) => ({ language: "ar-SA", value })),
    ];
    const gap = languageParityGap(samples)!;
    expect(gap.estimate).toBeCloseTo(0.35, 10);
    expect(gap.first).toEqual({ language: "en", mean: 0.85, n: 4 });
    expect(gap.second).toEqual({ language: "ar", mean: 0.5, n: 4 });
    expect(gap.low).toBeGreaterThan(0);
    expect(gap.low).toBeLessThanOrEqual(gap.estimate);
    expect(gap.high).toBeGreaterThanOrEqual(gap.estimate);
  });

  it("is a point at 0 when both languages score the same constant, and null when one is missing", () => {
    const same = [{ language: "en", value: 1 }, { language: "ar", value: 1 }];
    expect(languageParityGap(same)).toMatchObject({ estimate: 0, low: 0, high: 0 });
    expect(languageParityGap([{ language: "en", value: 1 }])).toBeNull();
  });
});

describe("mulberry32", () => {
  it("is deterministic per seed and differs between seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it("stays in [0, 1) and is roughly uniform", () => {
    const random = mulberry32(7);
    const values = Array.from({ length: 10_000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});
