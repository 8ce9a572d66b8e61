import { describe, expect, it } from "vitest";
import { evaluateGate, formatGateTable, parseThreshold, resolveKey } from "./ci-gate";
import type { ComparedMetric, MetricSummary, RunComparison, RunSummary } from "./types";

const metric = (key: string, estimate: number | null, kind: "judge" | "scorer" = "judge"): MetricSummary => ({
  key, label: key, kind, scale: kind === "judge" ? { min: 1, max: 5 } : { min: 0, max: 1 },
  mean: estimate === null ? null : { estimate, low: estimate - 0.2, high: estimate + 0.2, n: 10 }, passRate: null, errors: 0,
});
const summaryOf = (metrics: MetricSummary[]) => ({ overall: { metrics } }) as unknown as RunSummary;
const comparisonOf = (metrics: Partial<ComparedMetric>[]) => ({ metrics, items: [], counts: {} }) as unknown as RunComparison;

describe("the CI gate", () => {
  it("parses dimension=score and refuses anything else", () => {
    expect(parseThreshold("judge.faithfulness=4")).toEqual({ key: "judge.faithfulness", min: 4 });
    expect(parseThreshold("similarity=0.65")).toEqual({ key: "similarity", min: 0.65 });
    expect(() => parseThreshold("faithfulness>4")).toThrow(/dimension=score/);
  });

  it("reads a bare dimension as the judge's unless a scorer has that key", () => {
    expect(resolveKey("faithfulness", [{ key: "judge.faithfulness" }])).toBe("judge.faithfulness");
    expect(resolveKey("faithfulness", [{ key: "faithfulness" }, { key: "judge.faithfulness" }])).toBe("faithfulness");
    expect(resolveKey("tone", [{ key: "judge.faithfulness" }])).toBeNull();
  });

  it("fails a mean below its minimum, a missing score and a regression; passes otherwise", () => {
    const summary = summaryOf([metric("judge.faithfulness", 3.8), metric("judge.relevance", 4.5), metric("similarity", 0.7, "scorer"), metric("exact-match", null, "scorer")]);
    expect(evaluateGate(summary, [parseThreshold("faithfulness=3.5"), parseThreshold("similarity=0.6")], null)).toMatchObject({ passed: true, failures: [] });

    const below = evaluateGate(summary, [parseThreshold("faithfulness=4")], null);
    expect(below.passed).toBe(false);
    expect(below.failures).toEqual(["judge.faithfulness: mean 3.800 is below the minimum 4"]);
    expect(below.rows.find((r) => r.key === "judge.faithfulness")?.verdict).toBe("below-minimum");

    expect(evaluateGate(summary, [parseThreshold("exact-match=0.5")], null).failures[0]).toMatch(/nothing was scored/);
    expect(evaluateGate(summary, [parseThreshold("tone=3")], null).failures[0]).toMatch(/no such score/);

    const regressed = evaluateGate(summary, [], comparisonOf([
      { key: "judge.relevance", verdict: "regression", difference: { estimate: -0.6, low: -1, high: -0.2, n: 10, onlyInBaseline: [], onlyInCandidate: [] } },
      { key: "similarity", verdict: "no-change", difference: { estimate: -0.1, low: -0.3, high: 0.1, n: 10, onlyInBaseline: [], onlyInCandidate: [] } },
    ]));
    expect(regressed.failures).toEqual(["judge.relevance: regressed against the baseline by -0.600 (95% interval -1.000 to -0.200)"]);
    const table = formatGateTable(regressed);
    expect(table.split("\n")[0]).toMatch(/^score\s+mean\s+95% interval/);
    expect(table).toMatch(/judge\.relevance\s+4\.500\s+\[4\.300, 4\.700\].*-0\.600 \[-1\.000, -0\.200\]\s+REGRESSION/);
  });
});
