import { describe, expect, it } from "vitest";
import { scoreTokens } from "./score";

describe("token-level benchmark scoring", () => {
  it("computes precision, recall, F2 and recall by type on a hand example", () => {
    // Tokens: Call(neg) John(PERSON) Smith(PERSON) at(neg) 555(PHONE) 1234(PHONE) in(neg) Paris(GPE, ignored)
    const text = "Call John Smith at 555-1234 in Paris";
    const gold = [
      { entity_type: "PERSON", start_position: 5, end_position: 15 },
      { entity_type: "PHONE_NUMBER", start_position: 19, end_position: 27 },
      { entity_type: "GPE", start_position: 31, end_position: 36 },
    ];
    // Masks: "John" (TP), "555" via one character (TP), "Call" (FP), "Paris" (ignored: unscored type)
    const predicted = [
      { start: 0, end: 4 },
      { start: 5, end: 9 },
      { start: 21, end: 22 },
      { start: 31, end: 36 },
    ];
    const score = scoreTokens([{ text, gold, predicted }]);
    expect(score.counts).toEqual({ tp: 2, fp: 1, fn: 2, tn: 2, ignored: 1 });
    expect(score.precision).toBeCloseTo(2 / 3, 10);
    expect(score.recall).toBeCloseTo(0.5, 10);
    // F2 = 5PR / (4P + R) = (5 * 2/3 * 1/2) / (8/3 + 1/2) = (5/3) / (19/6) = 10/19
    expect(score.f2).toBeCloseTo(10 / 19, 10);
    expect(score.recall_by_type).toEqual({ PERSON: 0.5, PHONE_NUMBER: 0.5 });
  });

  it("counts a token overlapping a scored and an unscored span as scored, and splits on any non-letter", () => {
    const text = "Ávalos@x-y 12";
    const gold = [
      { entity_type: "EMAIL_ADDRESS", start_position: 0, end_position: 10 },
      { entity_type: "DATE_TIME", start_position: 0, end_position: 13 },
    ];
    const score = scoreTokens([{ text, gold, predicted: [{ start: 0, end: 10 }] }]);
    // Ávalos, x, y are EMAIL tokens (found); 12 overlaps only DATE_TIME (ignored)
    expect(score.counts).toEqual({ tp: 3, fp: 0, fn: 0, tn: 0, ignored: 1 });
    expect(score.f2).toBe(1);
  });
});
