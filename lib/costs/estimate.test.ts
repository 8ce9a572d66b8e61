import { describe, expect, it } from "vitest";
import { estimateCost } from "./estimate";

describe("pre-launch estimate", () => {
  it("prices the mean tokens per request, then scales by requests per day and 30 days", () => {
    // 1,200 in at $2.50/M + 300 out at $10/M = 0.003 + 0.003
    const e = estimateCost({ inputTokensPerRequest: 1200, outputTokensPerRequest: 300 }, { inputPricePerMTok: 2.5, outputPricePerMTok: 10 }, 10_000);
    expect(e.costPerRequestUsd).toBeCloseTo(0.006, 10);
    expect(e.dailyUsd).toBeCloseTo(60, 8);
    expect(e.monthlyUsd).toBeCloseTo(1800, 6);
  });

  it("is zero for a free model and keeps fractional mean tokens", () => {
    expect(estimateCost({ inputTokensPerRequest: 10.5, outputTokensPerRequest: 3 }, { inputPricePerMTok: 0, outputPricePerMTok: 0 }, 5).monthlyUsd).toBe(0);
    expect(estimateCost({ inputTokensPerRequest: 0.5, outputTokensPerRequest: 0 }, { inputPricePerMTok: 2, outputPricePerMTok: 0 }, 1).costPerRequestUsd).toBeCloseTo(1e-6, 12);
  });
});
