import { describe, expect, it } from "vitest";
import { bootstrapMeanInterval } from "../stats";
import { summarizeRun } from "./summary";
import { EXACT, FAITH, judged, row } from "./test-rows";

const metricOf = (summary: ReturnType<typeof summarizeRun>, key: string) => summary.overall.metrics.find((m) => m.key === key)!;

describe("summarizeRun: means", () => {
  it("averages an item's repeats first, so n is the number of items", () => {
    const results = [
      row("a", { "exact-match": { score: 1 }, "judge.faithfulness": judged(4) }, { repeat: 0 }),
      row("a", { "exact-match": { score: 0 }, "judge.faithfulness": judged(2) }, { repeat: 1 }),
      row("b", { "exact-match": { score: 1 }, "judge.faithfulness": judged(5) }),
    ];
    const summary = summarizeRun(results, [EXACT, FAITH], { seed: 7, resamples: 500 });

    // item a = 0.5, item b = 1 → 0.75 (a mean over rows would give 2/3)
    const exact = metricOf(summary, "exact-match");
    expect(exact.mean?.estimate).toBe(0.75);
    expect(exact.mean?.n).toBe(2);
    expect(exact.mean).toEqual(bootstrapMeanInterval([0.5, 1], { seed: 7, resamples: 500 }));
    expect(exact).toMatchObject({ key: "exact-match", label: "Exact match", kind: "scorer", scale: { min: 0, max: 1 }, errors: 0 });

    // judge keys are on the rubric's 1..5 scale: item a = (4 + 2) / 2 = 3, item b = 5 → 4
    const faith = metricOf(summary, "judge.faithfulness");
    expect(faith.mean?.estimate).toBe(4);
    expect(faith.mean?.n).toBe(2);
    expect(faith.mean!.low).toBeGreaterThanOrEqual(3);
    expect(faith.mean!.high).toBeLessThanOrEqual(5);
    expect(faith.mean!.low).toBeLessThan(faith.mean!.high);
  });

  it("leaves errored entries out of the mean but counts them, and counts a failed row's successful scores", () => {
    const results = [
      row("a", { "exact-match": { score: 1 } }),
      // an error is never a zero, even if a score slipped through with it
      row("b", { "exact-match": { score: 0, error: "scorer crashed" } }),
      row("c", { "exact-match": { error: "timeout" } }),
      row("d", { "exact-match": { score: 0.5 } }, { status: "failed" }),
      row("e", { "exact-match": {} }), // no number and no error: neither a value nor an error
      row("f", {}),
    ];
    const exact = metricOf(summarizeRun(results, [EXACT]), "exact-match");
    expect(exact.mean?.estimate).toBe(0.75);
    expect(exact.mean?.n).toBe(2);
    expect(exact.errors).toBe(2);
  });

  it("reports null rather than NaN when nothing was scored", () => {
    const summary = summarizeRun([row("a", { "exact-match": { error: "boom" } })], [EXACT, FAITH]);
    expect(metricOf(summary, "exact-match")).toMatchObject({ mean: null, passRate: null, errors: 1 });
    expect(metricOf(summary, "judge.faithfulness")).toMatchObject({ mean: null, passRate: null, errors: 0 });
  });

  it("takes the pass rate over every result row's verdict, not per item", () => {
    const results = [
      row("a", { "exact-match": { score: 1, passed: true } }, { repeat: 0 }),
      row("a", { "exact-match": { score: 0, passed: false } }, { repeat: 1 }),
      row("b", { "exact-match": { score: 1, passed: true } }),
      row("c", { "exact-match": { score: 1, passed: true } }),
      row("d", { "exact-match": { score: 1 } }), // no threshold, no verdict
      row("e", { "exact-match": { error: "boom" } }),
    ];
    expect(metricOf(summarizeRun(results, [EXACT]), "exact-match").passRate).toEqual({ rate: 0.75, passed: 3, total: 4 });
  });
});

describe("summarizeRun: counts, latency, tokens and cost", () => {
  it("sums a worked example", () => {
    const results = [
      row("a", {}, { latencyMs: 400, inputTokens: 10, outputTokens: 5, costUsd: 0.01, judgeInputTokens: 100, judgeOutputTokens: 20, judgeCostUsd: 0.002 }),
      row("b", {}, { latencyMs: 100, inputTokens: 20, outputTokens: 6, costUsd: 0.02, judgeInputTokens: 200, judgeOutputTokens: 30, judgeCostUsd: 0.003 }),
      row("c", {}, { latencyMs: 300, inputTokens: 30, outputTokens: 7, costUsd: 0.03 }),
      row("d", {}, { latencyMs: 200, inputTokens: 40, outputTokens: 8, costUsd: 0.04 }),
      row("e", {}, { status: "failed" }),
    ];
    const { overall } = summarizeRun(results, []);
    expect(overall.results).toBe(5);
    expect(overall.failed).toBe(1);
    // over 100, 200, 300, 400 (the failed row has no latency): p50 = 250, p95 = 300 + 0.85 × 100
    expect(overall.latencyMs.p50).toBe(250);
    expect(overall.latencyMs.p95).toBeCloseTo(385, 10);
    expect(overall.tokens).toEqual({ input: 100, output: 26, judgeInput: 300, judgeOutput: 50 });
    expect(overall.cost.candidate).toBeCloseTo(0.1, 12);
    expect(overall.cost.judge).toBeCloseTo(0.005, 12);
    expect(overall.cost.total).toBeCloseTo(0.105, 12);
    expect(overall.cost.perItem).toBeCloseTo(0.02, 12); // candidate cost / 5 rows
  });

  it("summarises an empty run without NaN", () => {
    const summary = summarizeRun([], [EXACT]);
    expect(summary.overall).toMatchObject({ results: 0, failed: 0, latencyMs: { p50: null, p95: null }, cost: { total: 0, candidate: 0, judge: 0, perItem: null } });
    expect(summary.byLanguage).toEqual({});
    expect(summary.parity).toEqual({ "exact-match": null });
    expect(summary.distributions["exact-match"].every((b) => b.count === 0)).toBe(true);
  });
});

describe("summarizeRun: languages", () => {
  it("groups by primary language tag, sorted by tag", () => {
    const results = [
      row("fr-1", {}, { language: "fr" }),
      row("en-1", {}, { language: "en_US" }),
      row("ar-1", {}, { language: "ar-SA" }),
      row("ar-2", {}, { language: "AR", status: "failed" }),
      row("en-2", {}, { language: "en" }),
    ];
    const { byLanguage } = summarizeRun(results, []);
    expect(Object.keys(byLanguage)).toEqual(["ar", "en", "fr"]);
    expect(byLanguage.ar).toMatchObject({ results: 2, failed: 1 });
    expect(byLanguage.en).toMatchObject({ results: 2, failed: 0 });
    expect(byLanguage.fr).toMatchObject({ results: 1, failed: 0 });
  });

  it("computes each language's metrics from its own items", () => {
    const results = [
      row("en-1", { "judge.faithfulness": judged(5) }, { language: "en" }),
      row("ar-1", { "judge.faithfulness": judged(2) }, { language: "ar-SA" }),
      row("ar-1", { "judge.faithfulness": judged(4) }, { language: "ar-SA", repeat: 1 }),
    ];
    const { byLanguage } = summarizeRun(results, [FAITH]);
    expect(byLanguage.ar.metrics[0].mean).toMatchObject({ estimate: 3, n: 1 });
    expect(byLanguage.en.metrics[0].mean).toMatchObject({ estimate: 5, n: 1 });
  });

  it("reports parity as English minus Arabic over item means, null when a language has no scores", () => {
    const results = [
      row("en-1", { "judge.faithfulness": judged(5) }, { language: "en-GB" }),
      row("en-2", { "judge.faithfulness": judged(4) }, { language: "en" }),
      row("ar-1", { "judge.faithfulness": judged(3), "exact-match": { score: 1 } }, { language: "ar-SA" }),
      row("ar-2", { "judge.faithfulness": judged(1) }, { language: "ar" }),
      row("ar-2", { "judge.faithfulness": judged(3) }, { language: "ar", repeat: 1 }),
    ];
    const { parity } = summarizeRun(results, [FAITH, EXACT]);
    // en: (5 + 4) / 2 = 4.5; ar: items 3 and (1 + 3) / 2 = 2 → 2.5; Arabic users get worse answers → positive
    expect(parity["judge.faithfulness"]).toMatchObject({ estimate: 2, n: 2, first: { language: "en", mean: 4.5, n: 2 }, second: { language: "ar", mean: 2.5, n: 2 } });
    expect(parity["exact-match"]).toBeNull();
  });
});

describe("summarizeRun: distributions", () => {
  it("buckets judge scores by integer 1..5, one count per result row", () => {
    const results = [
      row("a", { "judge.faithfulness": judged(3) }, { repeat: 0 }),
      row("a", { "judge.faithfulness": judged(3) }, { repeat: 1 }),
      row("b", { "judge.faithfulness": judged(5) }),
      row("c", { "judge.faithfulness": judged(1) }),
      row("d", { "judge.faithfulness": { error: "judge refused" } }),
    ];
    expect(summarizeRun(results, [FAITH]).distributions["judge.faithfulness"]).toEqual([
      { from: 1, to: 1, count: 1 },
      { from: 2, to: 2, count: 0 },
      { from: 3, to: 3, count: 2 },
      { from: 4, to: 4, count: 0 },
      { from: 5, to: 5, count: 1 },
    ]);
  });

  it("buckets scorer scores by tenths, the last bucket including 1.0", () => {
    const scores = [0, 0.05, 0.1, 0.3, 0.55, 0.99, 1];
    const results = scores.map((score, i) => row(`item-${i}`, { "exact-match": { score } }));
    const buckets = summarizeRun(results, [EXACT]).distributions["exact-match"];
    expect(buckets).toHaveLength(10);
    expect(buckets.map((b) => b.count)).toEqual([2, 1, 0, 1, 0, 1, 0, 0, 0, 2]);
    expect(buckets[0]).toMatchObject({ from: 0, to: 0.1 });
    expect(buckets[9]).toMatchObject({ from: 0.9, to: 1 });
  });
});

describe("summarizeRun: reproducibility", () => {
  const results = [0.1, 0.9, 0.4, 0.7, 0.2, 1, 0.3, 0.8].map((score, i) => row(`item-${i}`, { "exact-match": { score } }));

  it("gives the same intervals for the same seed and rows in any order", () => {
    const first = summarizeRun(results, [EXACT], { seed: 11 });
    expect(summarizeRun([...results].reverse(), [EXACT], { seed: 11 })).toEqual(first);
  });

  it("passes the seed through to the bootstrap", () => {
    const a = metricOf(summarizeRun(results, [EXACT], { seed: 1 }), "exact-match").mean!;
    const b = metricOf(summarizeRun(results, [EXACT], { seed: 2 }), "exact-match").mean!;
    expect(a.estimate).toBe(b.estimate);
    expect([a.low, a.high]).not.toEqual([b.low, b.high]);
  });
});

describe("summarizeRun: rows that failed before a score was taken", () => {
  it("count as errors of every score they lack, and stay out of the means", () => {
    const results = [
      row("a", { "exact-match": { score: 1 } }),
      row("b", {}, { status: "failed" }),
      row("c", { "exact-match": { error: "needs a reference" } }, { status: "failed" }),
    ];
    const exact = metricOf(summarizeRun(results, [EXACT], { seed: 1, resamples: 100 }), "exact-match");
    expect(exact.errors).toBe(2);
    expect(exact.mean).toMatchObject({ estimate: 1, n: 1 });
  });
});
