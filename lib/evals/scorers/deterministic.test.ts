import { describe, expect, it } from "vitest";
import {
  ZContainsConfig, ZCostConfig, ZExactMatchConfig, ZLatencyConfig, ZLengthConfig, ZRegexConfig,
  scoreContains, scoreCost, scoreExactMatch, scoreLatency, scoreLength, scoreRegex,
} from "./deterministic";

describe("exact match", () => {
  const exact = (output: string, reference: string, config: object = {}) => scoreExactMatch(output, reference, ZExactMatchConfig.parse(config));

  it("folds whitespace by default but not case", () => {
    expect(exact("  Paris \n", "Paris")).toMatchObject({ score: 1, passed: true });
    expect(exact("paris", "Paris")).toMatchObject({ score: 0, passed: false });
    expect(exact("paris", "Paris", { ignoreCase: true })).toMatchObject({ score: 1, passed: true });
    expect(exact("Par is", "Paris")).toMatchObject({ score: 0, passed: false });
  });

  it("treats Arabic spelling variants as equal only when asked", () => {
    const answer = "المدرسةُ إلى الأمام";
    const reference = "المدرسه الي الامام";
    expect(exact(answer, reference).passed).toBe(false);
    expect(exact(answer, reference, { normaliseArabic: true }).passed).toBe(true);
    expect(exact("مـرحـبـا", "مرحبا", { normaliseArabic: true }).passed).toBe(true);
  });

  it("explains a mismatch with the reference", () => {
    expect(exact("Lyon", "Paris").explanation).toContain('"Paris"');
  });
});

describe("contains", () => {
  const contains = (output: string, config: object) => scoreContains(output, ZContainsConfig.parse(config));

  it("gives partial credit in all-mode and names what is missing", () => {
    const result = contains("Refunds take 7 days.", { values: ["refund", "7 days", "receipt"] });
    expect(result.score).toBeCloseTo(2 / 3);
    expect(result.passed).toBe(false);
    expect(result.explanation).toContain('"receipt"');
    expect(contains("Refunds take 7 days.", { values: ["refund", "7 days"] })).toMatchObject({ score: 1, passed: true });
  });

  it("passes in any-mode when one string is present", () => {
    expect(contains("Call us", { values: ["email", "call"], mode: "any" })).toMatchObject({ score: 1, passed: true });
    expect(contains("Write to us", { values: ["email", "call"], mode: "any" })).toMatchObject({ score: 0, passed: false });
  });

  it("is case-sensitive when asked, and can fold Arabic variants", () => {
    expect(contains("refund", { values: ["Refund"], ignoreCase: false }).passed).toBe(false);
    expect(contains("سياسة الإسترجاع", { values: ["الاسترجاع"], normaliseArabic: true }).passed).toBe(true);
  });

  it("refuses an empty list at config time", () => {
    expect(ZContainsConfig.safeParse({ values: [] }).success).toBe(false);
  });
});

describe("regex", () => {
  const regex = (output: string, config: object) => scoreRegex(output, ZRegexConfig.parse(config));

  it("matches with flags and shows the match", () => {
    const result = regex("Order #A-1234 shipped", { pattern: "#[a-z]-\\d{4}", flags: "i" });
    expect(result).toMatchObject({ score: 1, passed: true });
    expect(result.explanation).toContain("#A-1234");
    expect(regex("Order #A-1234", { pattern: "#[a-z]-\\d{4}" }).passed).toBe(false);
  });

  it("can require the answer NOT to match", () => {
    expect(regex("mail me at a@b.co", { pattern: "\\S+@\\S+", shouldMatch: false })).toMatchObject({ score: 0, passed: false });
    expect(regex("no address here", { pattern: "\\S+@\\S+", shouldMatch: false })).toMatchObject({ score: 1, passed: true });
  });

  it("gives the same verdict on every call with the g flag (no lastIndex state)", () => {
    const config = ZRegexConfig.parse({ pattern: "a", flags: "g" });
    expect([scoreRegex("a", config).passed, scoreRegex("a", config).passed]).toEqual([true, true]);
  });

  it("reports an invalid pattern or flag as a config error on the field", () => {
    const bad = ZRegexConfig.safeParse({ pattern: "([a-z]" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(["pattern"]);
    expect(bad.error!.issues[0].message).toMatch(/not a valid regular expression/);
    expect(ZRegexConfig.safeParse({ pattern: "a", flags: "x" }).success).toBe(false);
  });
});

describe("length bounds", () => {
  const length = (output: string, config: object) => scoreLength(output, ZLengthConfig.parse(config));

  it("counts characters as code points", () => {
    expect(length("مرحبا", { max: 5 })).toMatchObject({ score: 1, passed: true });
    expect(length("😀😀", { max: 2 }).passed).toBe(true);
    expect(length("abcdef", { max: 5 })).toMatchObject({ score: 0, passed: false, explanation: "6 chars, too long (0–5 chars)." });
    expect(length("abc", { min: 5 }).explanation).toContain("too short");
  });

  it("counts tokens with the o200k tokenizer", () => {
    expect(length("hello world", { unit: "tokens", min: 2, max: 2 }).passed).toBe(true);
    expect(length("hello world", { unit: "tokens", max: 1 }).passed).toBe(false);
  });

  it("needs at least one bound, and min ≤ max", () => {
    expect(ZLengthConfig.safeParse({}).success).toBe(false);
    expect(ZLengthConfig.safeParse({ min: 5, max: 2 }).success).toBe(false);
  });
});

describe("latency and cost thresholds", () => {
  it("passes at or below the threshold", () => {
    const latency = ZLatencyConfig.parse({ maxMs: 1000 });
    expect(scoreLatency(1000, latency)).toMatchObject({ score: 1, passed: true });
    expect(scoreLatency(1200.4, latency)).toMatchObject({ score: 0, passed: false, explanation: "1200 ms > 1000 ms." });
    const cost = ZCostConfig.parse({ maxUsd: 0.01 });
    expect(scoreCost(0.002, cost)).toMatchObject({ score: 1, passed: true });
    expect(scoreCost(0.05, cost)).toMatchObject({ score: 0, passed: false });
  });

  it("refuses a zero or negative threshold", () => {
    expect(ZLatencyConfig.safeParse({ maxMs: 0 }).success).toBe(false);
    expect(ZCostConfig.safeParse({ maxUsd: -1 }).success).toBe(false);
  });
});
