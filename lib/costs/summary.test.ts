import { describe, expect, it } from "vitest";
import { breakdown, dailySeries, MAX_SERIES, totalsOf, zeroSums } from "./summary";

type Row = ReturnType<typeof zeroSums> & { day: Date; model: string; team: string };
const row = (over: Partial<Row>): Row => ({ ...zeroSums(), day: new Date(0), model: "", team: "", ...over });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("totals", () => {
  it("cost per successful request divides by requests minus failures; error rate by requests", () => {
    const t = totalsOf([
      row({ model: "", requests: 10, failedRequests: 2 }),
      row({ model: "gpt", costUsd: 4, inputTokens: 1000, outputTokens: 200, spans: 12, errorSpans: 3 }),
    ]);
    expect(t).toMatchObject({ costUsd: 4, requests: 10, failedRequests: 2, inputTokens: 1000, outputTokens: 200, spans: 12, errorSpans: 3 });
    expect(t.costPerSuccessfulRequestUsd).toBeCloseTo(0.5);
    expect(t.errorRate).toBeCloseTo(0.2);
  });

  it("has no per-request numbers without successful requests", () => {
    const t = totalsOf([row({ requests: 3, failedRequests: 3, costUsd: 1 })]);
    expect(t.costPerSuccessfulRequestUsd).toBeNull();
    expect(t.errorRate).toBe(1);
    expect(totalsOf([]).errorRate).toBeNull();
  });
});

describe("breakdowns", () => {
  it("groups, ranks by cost, computes shares, and by model drops the request-only rows", () => {
    const rows = [
      row({ model: "", team: "a", requests: 5 }),
      row({ model: "m1", team: "a", costUsd: 1 }),
      row({ model: "m2", team: "b", costUsd: 3 }),
      row({ model: "m2", team: "a", costUsd: 1 }),
    ];
    const byModel = breakdown(rows, (r) => String(r.model), (k) => k || "(none)", false);
    expect(byModel.map((r) => [r.key, r.costUsd, r.share, r.requests])).toEqual([["m2", 4, 0.8, null], ["m1", 1, 0.2, null]]);
    const byTeam = breakdown(rows, (r) => String(r.team), (k) => k);
    expect(byTeam.map((r) => [r.key, r.costUsd, r.requests])).toEqual([["b", 3, 0], ["a", 2, 5]]);
  });
});

describe("daily series", () => {
  it("fills every day of the range with zeros and stacks by key", () => {
    const rows = [row({ day: day("2026-11-02"), model: "m1", costUsd: 1 }), row({ day: day("2026-11-02"), model: "m2", costUsd: 2 }), row({ day: day("2026-11-03"), model: "m1", costUsd: 0.5 })];
    const s = dailySeries(rows, (r) => String(r.model), (k) => k, day("2026-11-01"), 3);
    expect(s.series.map((x) => x.key)).toEqual(["m2", "m1"]);
    expect(s.points).toEqual([
      { day: "2026-11-01", costUsd: 0, values: { m1: 0, m2: 0 } },
      { day: "2026-11-02", costUsd: 3, values: { m1: 1, m2: 2 } },
      { day: "2026-11-03", costUsd: 0.5, values: { m1: 0.5, m2: 0 } },
    ]);
  });

  it("folds keys past the top ones into Other", () => {
    const rows = Array.from({ length: MAX_SERIES + 2 }, (_, i) => row({ day: day("2026-11-01"), model: `m${i}`, costUsd: i + 1 }));
    const s = dailySeries(rows, (r) => String(r.model), (k) => k, day("2026-11-01"), 1);
    expect(s.series).toHaveLength(MAX_SERIES);
    expect(s.series.at(-1)).toEqual({ key: "__other__", label: "Other" });
    expect(s.points[0].costUsd).toBe(rows.reduce((a, r) => a + r.costUsd, 0));
    expect(s.points[0].values.__other__).toBe(1 + 2 + 3);
  });
});
