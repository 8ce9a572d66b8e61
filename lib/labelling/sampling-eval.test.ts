import { describe, expect, it } from "vitest";
import { inputTextOf, judgeScoresOf, seedFrom, selectEvalResults, type ResultForSampling } from "./sampling-eval";

// Worked examples: three repeats per item, judge scores on 1–5, one heuristic scorer on 0–1.

const judge = (...raws: number[]) => Object.fromEntries(raws.map((r, i) => [`judge.d${i}`, { raw: r, score: (r - 1) / 4 }]));
const result = (item: string, repeat: number, scores: Record<string, unknown>): ResultForSampling => ({ id: `${item}#${repeat}`, itemId: item, repeat, scores });

const run: ResultForSampling[] = [
  // a: the judge is sure and generous; heuristics agree
  result("a", 0, { ...judge(5, 5), contains: { score: 1 } }),
  result("a", 1, { ...judge(5, 5), contains: { score: 1 } }),
  // b: repeats disagree (mean 5 then 1): spread 4
  result("b", 1, { ...judge(1, 1), contains: { score: 1 } }),
  result("b", 0, { ...judge(5, 5), contains: { score: 1 } }),
  // c: steady at 4 — exactly the pass threshold; heuristics say 0 (gap |0.75 − 0| = 0.75)
  result("c", 0, { ...judge(4, 4), contains: { score: 0 } }),
  result("c", 1, { ...judge(4, 4), contains: { score: 0 } }),
  // d: steady at 2, heuristics 1 (gap 0.75 too, later in the run); spread 0, 2 from the threshold
  result("d", 0, { ...judge(2, 2), contains: { score: 1 } }),
  result("d", 1, { ...judge(2, 2), contains: { score: 1 } }),
  // e: the judge failed on it: no judge scores
  result("e", 0, { "judge.d0": { error: "timeout" }, contains: { score: 0 } }),
];

const ids = (rs: ResultForSampling[]) => rs.map((r) => r.id);

describe("selectEvalResults", () => {
  it("all: one result per item, the first repeat, in run order", () => {
    expect(ids(selectEvalResults(run, { mode: "all", seed: 1, passAt: 4 }))).toEqual(["a#0", "b#0", "c#0", "d#0", "e#0"]);
  });

  it("sample: seeded and reproducible, in run order, another seed may pick others", () => {
    const one = ids(selectEvalResults(run, { mode: "sample", size: 3, seed: 42, passAt: 4 }));
    expect(one).toHaveLength(3);
    expect(ids(selectEvalResults(run, { mode: "sample", size: 3, seed: 42, passAt: 4 }))).toEqual(one);
    expect([...one].sort()).toEqual(one);
    const seeds = new Set(Array.from({ length: 20 }, (_, s) => ids(selectEvalResults(run, { mode: "sample", size: 3, seed: s, passAt: 4 })).join()));
    expect(seeds.size).toBeGreaterThan(1);
    expect(selectEvalResults(run, { mode: "sample", size: 50, seed: 1, passAt: 4 })).toHaveLength(5);
  });

  it("low_confidence: largest spread across repeats first, then the mean closest to the pass threshold", () => {
    // b spread 4; then c (|4−4| = 0), d (|2−4| = 2), a (|5−4| = 1) → c, a, d; e has no judge scores
    expect(ids(selectEvalResults(run, { mode: "low_confidence", size: 4, seed: 1, passAt: 4 }))).toEqual(["b#0", "c#0", "a#0", "d#0"]);
    expect(ids(selectEvalResults(run, { mode: "low_confidence", size: 2, seed: 1, passAt: 2 }))).toEqual(["b#0", "d#0"]);
  });

  it("disagreement: largest gap between the normalised judge mean and the heuristic mean", () => {
    // b: judge mean 3 → 0.5 vs 1 → 0.5; c: 0.75 vs 0 → 0.75; d: 0.25 vs 1 → 0.75; a: 0
    expect(ids(selectEvalResults(run, { mode: "disagreement", size: 3, seed: 1, passAt: 4 }))).toEqual(["c#0", "d#0", "b#0"]);
  });
});

describe("snapshots", () => {
  it("reads the judge's scores on 1–5 (raw, or the 0–1 score mapped back)", () => {
    expect(judgeScoresOf({ "judge.faith": { raw: 4, score: 0.75 }, "judge.rel": { score: 0.5 }, "judge.x": { error: "e" }, contains: { score: 1 } })).toEqual({ faith: 4, rel: 3 });
  });

  it("shows the question variable, else the inputs as name: value lines", () => {
    expect(inputTextOf({ context: "c", question: "Where?" })).toBe("Where?");
    expect(inputTextOf({ city: "Paris", days: 3 })).toBe("city: Paris\ndays: 3");
  });

  it("derives a stable seed", () => {
    expect(seedFrom("run-1")).toBe(seedFrom("run-1"));
    expect(seedFrom("run-1")).not.toBe(seedFrom("run-2"));
  });
});
