import { describe, expect, it } from "vitest";
import { isNegative, ZCreateFeedback, ZFeedbackValue } from "./schemas";

describe("feedback values", () => {
  it("is negative for thumbs down and for a score below the middle of its scale, not at it", () => {
    expect(isNegative({ thumbs: "down" })).toBe(true);
    expect(isNegative({ thumbs: "up" })).toBe(false);
    const score = (v: unknown) => isNegative(ZFeedbackValue.parse(v));
    expect([1, 2, 3, 4, 5].map((s) => score({ score: s }))).toEqual([true, true, false, false, false]);
    expect(score({ score: 4.9, min: 0, max: 10 })).toBe(true);
    expect(score({ score: 5, min: 0, max: 10 })).toBe(false);
    expect(score({ score: -0.5, min: -1, max: 1 })).toBe(true);
  });

  it("defaults a score's scale to 1–5 and refuses a score outside it or an empty scale, naming the field", () => {
    expect(ZFeedbackValue.parse({ score: 4 })).toEqual({ score: 4, min: 1, max: 5 });
    const issue = (v: unknown) => ZCreateFeedback.safeParse({ traceId: "t", value: v }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issue({ score: 0 })).toEqual(["value.score: must be between 1 and 5"]);
    expect(issue({ score: 5, min: 5, max: 5 })).toEqual(["value.max: must be greater than min (5)"]);
    expect(issue({ score: Number.NaN })?.length).toBe(1);
    expect(issue({ thumbs: "up", score: 3 })?.length).toBe(1);
    expect(issue({ thumbs: "up" })).toBeUndefined();
  });

  it("refuses empty text and unknown fields", () => {
    expect(ZCreateFeedback.safeParse({ traceId: "t", value: { thumbs: "up" }, comment: "  " }).success).toBe(false);
    expect(ZCreateFeedback.safeParse({ traceId: "t", value: { thumbs: "up" }, rating: 5 }).success).toBe(false);
    expect(ZCreateFeedback.safeParse({ traceId: "", value: { thumbs: "up" } }).success).toBe(false);
  });
});
