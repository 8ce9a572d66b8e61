import { describe, expect, it } from "vitest";
import { canaryThresholds, decideCanary, DEFAULT_CANARY_THRESHOLDS, type VariantStats } from "./canary-decision";

const now = new Date("2026-11-24T10:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const stable: VariantStats = { n: 900, errors: 9, p95Ms: 1000, meanCostUsd: 0.002 };
const t = { ...DEFAULT_CANARY_THRESHOLDS, autoGraduateAfterMinutes: 30 };

describe("the canary monitor's decision", () => {
  it("holds below the minimum sample on either side, naming the counts", () => {
    const d = decideCanary({ stable, canary: { n: 49, errors: 40, p95Ms: 9000, meanCostUsd: 1 }, thresholds: t, canarySince: minutesAgo(60), now });
    expect(d.action).toBe("hold");
    expect(d.reason).toContain("canary 49, stable 900, 50 needed");
  });

  it("rolls back on the error rate: 1.0% → 4.0% is +3 points > 2 allowed", () => {
    const d = decideCanary({ stable, canary: { n: 100, errors: 4, p95Ms: 1000, meanCostUsd: 0.002 }, thresholds: t, canarySince: minutesAgo(5), now });
    expect(d.action).toBe("rollback");
    expect(d.reason).toContain("error rate 4.0% vs stable 1.0% (+3.0 points > 2.0 allowed)");
  });

  it("keeps a canary exactly at the limit: 1.0% → 3.0% is +2 points, not more than 2", () => {
    const d = decideCanary({ stable, canary: { n: 100, errors: 3, p95Ms: 1000, meanCostUsd: 0.002 }, thresholds: t, canarySince: minutesAgo(5), now });
    expect(d.action).toBe("hold");
  });

  it("rolls back on p95 latency: 1000 → 1250 ms is +25% > 20%", () => {
    const d = decideCanary({ stable, canary: { n: 100, errors: 1, p95Ms: 1250, meanCostUsd: 0.002 }, thresholds: t, canarySince: minutesAgo(5), now });
    expect(d).toMatchObject({ action: "rollback", breaches: ["p95 latency 1250 ms vs stable 1000 ms (+25.0% > 20% allowed)"] });
  });

  it("rolls back on cost per request: $0.002 → $0.003 is +50% > 20%, and lists every breach", () => {
    const d = decideCanary({ stable, canary: { n: 100, errors: 10, p95Ms: 1300, meanCostUsd: 0.003 }, thresholds: t, canarySince: minutesAgo(5), now });
    expect(d.action).toBe("rollback");
    if (d.action !== "rollback") return;
    expect(d.breaches).toHaveLength(3);
    expect(d.reason).toContain("cost per request $0.003000 vs stable $0.002000 (+50.0% > 20% allowed)");
    expect(d.reason).toContain("canary 100 traces, stable 900");
  });

  it("graduates a healthy canary after the configured time, holds before it, and never without the setting", () => {
    const healthy: VariantStats = { n: 100, errors: 1, p95Ms: 1100, meanCostUsd: 0.0021 };
    expect(decideCanary({ stable, canary: healthy, thresholds: t, canarySince: minutesAgo(31), now }).action).toBe("graduate");
    const early = decideCanary({ stable, canary: healthy, thresholds: t, canarySince: minutesAgo(10), now });
    expect(early).toMatchObject({ action: "hold" });
    expect(early.reason).toContain("graduates after 30 min (10 so far)");
    expect(decideCanary({ stable, canary: healthy, thresholds: DEFAULT_CANARY_THRESHOLDS, canarySince: minutesAgo(600), now }).action).toBe("hold");
  });

  it("rolls back on negative user feedback: 10.0% → 16.0% of traces with feedback is +6 points > 5 allowed", () => {
    const fbStable = { ...stable, feedback: { traces: 200, negative: 20 } };
    const d = decideCanary({ stable: fbStable, canary: { n: 100, errors: 1, p95Ms: 1000, meanCostUsd: 0.002, feedback: { traces: 50, negative: 8 } }, thresholds: t, canarySince: minutesAgo(5), now });
    expect(d).toMatchObject({
      action: "rollback",
      breaches: ["negative user feedback on 16.0% of traces with feedback vs stable 10.0% (+6.0 points > 5.0 allowed; 50 and 200 traces with feedback)"],
    });
    const atLimit = decideCanary({ stable: fbStable, canary: { n: 100, errors: 1, p95Ms: 1000, meanCostUsd: 0.002, feedback: { traces: 50, negative: 7 } }, thresholds: t, canarySince: minutesAgo(5), now });
    expect(atLimit.action).toBe("hold");
  });

  it("does not judge feedback below the minimum sample of traces with feedback, and says so, while the other figures still decide", () => {
    const fbStable = { ...stable, feedback: { traces: 200, negative: 0 } };
    const sparse = { n: 100, errors: 1, p95Ms: 1000, meanCostUsd: 0.002, feedback: { traces: 49, negative: 49 } };
    const held = decideCanary({ stable: fbStable, canary: sparse, thresholds: t, canarySince: minutesAgo(5), now });
    expect(held.action).toBe("hold");
    expect(held.reason).toContain("User feedback not judged yet: canary 49, stable 200 traces with feedback, 50 needed each.");
    expect(decideCanary({ stable: fbStable, canary: sparse, thresholds: t, canarySince: minutesAgo(31), now }).action).toBe("graduate");
    expect(decideCanary({ stable: fbStable, canary: { ...sparse, errors: 10 }, thresholds: t, canarySince: minutesAgo(5), now }).action).toBe("rollback");
  });

  it("takes thresholds from the gate policy's rules, defaults for what is absent", () => {
    expect(canaryThresholds({ canaryMinSample: 10, canaryMaxP95LatencyIncreasePct: 5 })).toEqual({ ...DEFAULT_CANARY_THRESHOLDS, minSample: 10, maxP95LatencyIncreasePct: 5 });
    expect(canaryThresholds(null)).toEqual(DEFAULT_CANARY_THRESHOLDS);
    expect(canaryThresholds({ canaryMaxNegativeFeedbackIncrease: 0.1 }).maxNegativeFeedbackIncrease).toBe(0.1);
    expect(DEFAULT_CANARY_THRESHOLDS.maxNegativeFeedbackIncrease).toBe(0.05);
  });
});
