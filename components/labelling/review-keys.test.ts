import { describe, expect, it } from "vitest";
import type { RubricDimension } from "@/lib/labelling/rubric";
import { choicesOf, isComplete, valueForDigit } from "./review-keys";

const scale: RubricDimension = { name: "faithfulness", kind: "scale", min: 1, max: 5, guidelines: "g" };
const cat: RubricDimension = { name: "tone", kind: "categorical", categories: ["formal", "casual", "rude"], guidelines: "g" };
const bool: RubricDimension = { name: "safe", kind: "boolean", guidelines: "g" };

describe("review keys", () => {
  it("a digit is the score on a scale, and nothing outside it", () => {
    expect(valueForDigit(scale, 4)).toBe(4);
    expect(valueForDigit(scale, 0)).toBeNull();
    expect(valueForDigit(scale, 6)).toBeNull();
  });
  it("a digit picks a category by its number, and 1/0 answer a yes/no dimension", () => {
    expect(valueForDigit(cat, 1)).toBe("formal");
    expect(valueForDigit(cat, 3)).toBe("rude");
    expect(valueForDigit(cat, 4)).toBeNull();
    expect(valueForDigit(bool, 1)).toBe(true);
    expect(valueForDigit(bool, 0)).toBe(false);
    expect(valueForDigit(bool, 2)).toBeNull();
  });
  it("lists every choice with its key, and knows when a label is complete", () => {
    expect(choicesOf(cat).map((c) => c.key)).toEqual(["1", "2", "3"]);
    expect(choicesOf(scale).map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
    expect(isComplete([scale, bool], { faithfulness: 3 })).toBe(false);
    expect(isComplete([scale, bool], { faithfulness: 3, safe: false })).toBe(true);
  });
});
