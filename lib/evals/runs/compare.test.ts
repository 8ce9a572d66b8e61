import { describe, expect, it } from "vitest";
import { pairedBootstrapDifference } from "../stats";
import { compareRuns, ITEM_CHANGE_THRESHOLD } from "./compare";
import { EXACT, FAITH, judged, row } from "./test-rows";

/** One row per item with the given judge raw score and exact-match score. */
const run = (values: Array<[raw: number, exact: number]>) =>
  values.map(([raw, exact], i) => row(`item-${i}`, { "judge.faithfulness": judged(raw), "exact-match": { score: exact } }));

describe("compareRuns: metrics", () => {
  it("calls a clear drop a regression and a clear rise an improvement", () => {
    const baseline = run([[5, 0.2], [4, 0.1], [5, 0.3], [4, 0.2], [5, 0.1], [4, 0.3], [5, 0.2], [4, 0.1]]);
    const candidate = run([[2, 0.9], [3, 0.8], [2, 1], [2, 0.9], [3, 0.8], [2, 1], [3, 0.9], [2, 0.8]]);
    const { metrics } = compareRuns(baseline, candidate, [FAITH, EXACT]);

    const faith = metrics.find((m) => m.key === "judge.faithfulness")!;
    expect(faith).toMatchObject({ kind: "judge", baselineMean: 4.5, candidateMean: 2.375, verdict: "regression" });
    expect(faith.difference?.estimate).toBeCloseTo(-2.125, 10);
    expect(faith.difference!.high).toBeLessThan(0);
    expect(faith.difference?.n).toBe(8);

    const exact = metrics.find((m) => m.key === "exact-match")!;
    expect(exact.verdict).toBe("improvement");
    expect(exact.baselineMean).toBeCloseTo(0.1875, 10);
    expect(exact.candidateMean).toBeCloseTo(0.8875, 10);
    expect(exact.difference?.estimate).toBeCloseTo(0.7, 10);
    expect(exact.difference!.low).toBeGreaterThan(0);
  });

  it("calls a difference whose interval spans zero no-change, and a key scored on one side only not-comparable", () => {
    const baseline = run([[3, 0.5], [4, 0.5], [3, 0.5], [4, 0.5]]);
    const candidate = [
      row("item-0", { "judge.faithfulness": judged(4) }),
      row("item-1", { "judge.faithfulness": judged(3) }),
      row("item-2", { "judge.faithfulness": judged(4) }),
      row("item-3", { "judge.faithfulness": judged(3), "exact-match": { error: "boom" } }),
    ];
    const { metrics } = compareRuns(baseline, candidate, [FAITH, EXACT]);
    expect(metrics[0]).toMatchObject({ key: "judge.faithfulness", baselineMean: 3.5, candidateMean: 3.5, verdict: "no-change" });
    expect(metrics[0].difference!.low).toBeLessThan(0);
    expect(metrics[0].difference!.high).toBeGreaterThan(0);
    expect(metrics[1]).toMatchObject({ key: "exact-match", baselineMean: 0.5, candidateMean: null, difference: null, verdict: "not-comparable" });
  });

  it("pairs item means by item key with the seed passed through, leaving unpaired items out", () => {
    const baseline = [
      row("a", { "exact-match": { score: 0 } }, { repeat: 0 }),
      row("a", { "exact-match": { score: 1 } }, { repeat: 1 }),
      row("b", { "exact-match": { score: 0.2 } }),
      row("gone", { "exact-match": { score: 1 } }),
    ];
    const candidate = [
      row("b", { "exact-match": { score: 0.6 } }),
      row("a", { "exact-match": { score: 1 } }),
      row("new", { "exact-match": { score: 0 } }),
    ];
    const [exact] = compareRuns(baseline, candidate, [EXACT], { seed: 3, resamples: 300 }).metrics;
    // a: 0.5 → 1, b: 0.2 → 0.6; the means are over each run's own items
    expect(exact.baselineMean).toBeCloseTo((0.5 + 0.2 + 1) / 3, 10);
    expect(exact.candidateMean).toBeCloseTo((0.6 + 1 + 0) / 3, 10);
    expect(exact.difference).toMatchObject({ n: 2, onlyInBaseline: ["gone"], onlyInCandidate: ["new"] });
    expect(exact.difference?.estimate).toBeCloseTo(0.45, 10);
    expect(exact.difference).toEqual(pairedBootstrapDifference(
      [{ key: "a", value: 0.5 }, { key: "b", value: 0.2 }, { key: "gone", value: 1 }],
      [{ key: "a", value: 1 }, { key: "b", value: 0.6 }, { key: "new", value: 0 }],
      { seed: 3, resamples: 300 },
    ));
  });
});

describe("compareRuns: items", () => {
  const baseline = [
    row("a-same", { "judge.faithfulness": judged(4), "exact-match": { score: 1 } }),
    row("b-better", { "judge.faithfulness": judged(3), "exact-match": { score: 0.2 } }),
    row("c-worse", { "judge.faithfulness": judged(5), "exact-match": { score: 1 } }),
    row("d-breaks", { "judge.faithfulness": judged(4) }),
    row("e-fixed", {}, { status: "failed" }),
    row("f-broken", {}, { status: "failed" }),
    row("g-dropped", { "judge.faithfulness": judged(4) }),
    // judge −1 point (−0.25 of its scale) and scorer +0.3 average to +0.025: unchanged, though the raw
    // differences (−1 and +0.3) would average to a drop
    row("h-mixed", { "judge.faithfulness": judged(4), "exact-match": { score: 0.5 } }),
    row("i-nudged", { "exact-match": { score: 0.5 } }),
    row("j-moved", { "exact-match": { score: 0.5 } }),
  ];
  const candidate = [
    row("a-same", { "judge.faithfulness": judged(4), "exact-match": { score: 1 } }),
    row("b-better", { "judge.faithfulness": judged(5), "exact-match": { score: 0.9 } }, { language: "ar-SA" }),
    row("c-worse", { "judge.faithfulness": judged(3), "exact-match": { score: 1 } }, { repeat: 0 }),
    row("c-worse", { "judge.faithfulness": judged(2), "exact-match": { score: 0 } }, { repeat: 1 }),
    row("d-breaks", { "judge.faithfulness": judged(4) }, { repeat: 0 }),
    row("d-breaks", {}, { repeat: 1, status: "failed" }),
    row("e-fixed", { "judge.faithfulness": judged(1) }),
    row("f-broken", {}, { status: "failed" }),
    row("h-mixed", { "judge.faithfulness": judged(3), "exact-match": { score: 0.8 } }),
    row("i-nudged", { "exact-match": { score: 0.54 } }),
    row("j-moved", { "exact-match": { score: 0.56 } }),
    row("k-added", { "exact-match": { score: 1 } }, { language: "ar" }),
  ];
  const comparison = compareRuns(baseline, candidate, [FAITH, EXACT]);
  const item = (key: string) => comparison.items.find((i) => i.itemKey === key)!;

  it("classifies every kind of change", () => {
    expect(Object.fromEntries(comparison.items.map((i) => [i.itemKey, i.change]))).toEqual({
      "a-same": "unchanged",
      "b-better": "improved",
      "c-worse": "regressed",
      "d-breaks": "newly-failed",
      "e-fixed": "fixed",
      "f-broken": "failed-both",
      "g-dropped": "only-baseline",
      "h-mixed": "unchanged",
      "i-nudged": "unchanged",
      "j-moved": "improved",
      "k-added": "only-candidate",
    });
  });

  it("uses 5% of the scale as the line between noise and a change", () => {
    expect(ITEM_CHANGE_THRESHOLD).toBe(0.05);
    expect(item("i-nudged").change).toBe("unchanged"); // +0.04
    expect(item("j-moved").change).toBe("improved"); // +0.06
  });

  it("reports per-key means over repeats, null where a side has no value, and failure on any repeat", () => {
    // c-worse: judge (3 + 2) / 2 = 2.5, exact (1 + 0) / 2 = 0.5
    expect(item("c-worse")).toMatchObject({ baseline: { "judge.faithfulness": 5, "exact-match": 1 }, candidate: { "judge.faithfulness": 2.5, "exact-match": 0.5 } });
    expect(item("d-breaks")).toMatchObject({ baselineFailed: false, candidateFailed: true, candidate: { "judge.faithfulness": 4, "exact-match": null } });
    expect(item("g-dropped")).toMatchObject({ candidate: { "judge.faithfulness": null, "exact-match": null }, candidateFailed: false });
    expect(item("k-added")).toMatchObject({ baseline: { "judge.faithfulness": null, "exact-match": null }, language: "ar" });
  });

  it("lists worse items first, then better ones, then the rest, each by item key", () => {
    expect(comparison.items.map((i) => i.itemKey)).toEqual([
      "c-worse", "d-breaks",
      "b-better", "e-fixed", "j-moved",
      "a-same", "f-broken", "g-dropped", "h-mixed", "i-nudged", "k-added",
    ]);
  });

  it("counts every kind of change, zeros included", () => {
    expect(comparison.counts).toEqual({
      regressed: 1, improved: 2, unchanged: 3, "newly-failed": 1, fixed: 1, "failed-both": 1, "only-baseline": 1, "only-candidate": 1,
    });
    expect(compareRuns([], [], [EXACT]).counts).toEqual({
      regressed: 0, improved: 0, unchanged: 0, "newly-failed": 0, fixed: 0, "failed-both": 0, "only-baseline": 0, "only-candidate": 0,
    });
  });
});
