import { describe, expect, it } from "vitest";
import { sampleStrata, scoreBucketOf, stratumOf, type TraceCandidate } from "./sampling-traces";

const make = (n: number, language: string, bucket: TraceCandidate["bucket"]) =>
  Array.from({ length: n }, (_, i) => ({ traceId: `${language}-${bucket}-${i}`, language, bucket }));

// 100 English without feedback, 20 English negative, 10 Arabic without feedback, 1 Arabic negative
const traffic = [...make(100, "en", "none"), ...make(20, "en", "negative"), ...make(10, "ar", "none"), ...make(1, "ar", "negative")];
const plan = { ratePercent: 10, maxPerRun: 50, strata: ["language", "score_bucket"] as const, seedKey: "q1|2026-01-01T00:00:00.000Z" };

const countBy = (picked: { stratum: string }[]) => picked.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.stratum]: (acc[p.stratum] ?? 0) + 1 }), {});

describe("sampleStrata", () => {
  it("takes the rate from every stratum and at least one from each non-empty one", () => {
    expect(countBy(sampleStrata(traffic, plan))).toEqual({ "en|none": 10, "en|negative": 2, "ar|none": 1, "ar|negative": 1 });
  });

  it("is reproducible for a window and differs between windows", () => {
    const ids = (seedKey: string) => sampleStrata(traffic, { ...plan, seedKey }).map((p) => p.candidate.traceId);
    expect(ids(plan.seedKey)).toEqual(ids(plan.seedKey));
    expect(ids("q1|2026-01-01T01:00:00.000Z")).not.toEqual(ids(plan.seedKey));
  });

  it("caps a run at maxPerRun by taking from the strata in turn, so small strata are not crowded out", () => {
    const capped = sampleStrata(traffic, { ...plan, maxPerRun: 5 });
    expect(capped).toHaveLength(5);
    expect(countBy(capped)).toEqual({ "ar|negative": 1, "ar|none": 1, "en|negative": 2, "en|none": 1 });
  });

  it("groups by the chosen strata only", () => {
    expect(countBy(sampleStrata(traffic, { ...plan, strata: ["language"] }))).toEqual({ en: 12, ar: 1 });
    expect(countBy(sampleStrata(traffic, { ...plan, strata: [] }))).toEqual({ all: 13 });
    expect(sampleStrata([], plan)).toEqual([]);
  });
});

describe("buckets and strata", () => {
  it("a trace with any negative feedback is negative", () => {
    expect(scoreBucketOf([])).toBe("none");
    expect(scoreBucketOf([{ negative: false }])).toBe("positive");
    expect(scoreBucketOf([{ negative: false }, { negative: true }])).toBe("negative");
    expect(stratumOf({ traceId: "t", language: "ar", bucket: "negative" }, ["language", "score_bucket"])).toBe("ar|negative");
  });
});
