import { describe, expect, it } from "vitest";
import { fleissKappa, fleissKappaFromCounts, krippendorffAlpha } from "./agreement";

// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), example C: 4 observers × 12 units
// with missing values (null). Published: nominal .743, ordinal .815, interval .849.
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
const krippendorffUnits = A.map((_, i) => [A[i], B[i], C[i], D[i]]);

// Wikipedia, "Fleiss' kappa", worked example: 10 subjects × 14 raters × 5 categories, κ ≈ 0.210.
const fleissCounts = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe("krippendorffAlpha", () => {
  it("reproduces Krippendorff's worked example with missing values", () => {
    const nominal = krippendorffAlpha(krippendorffUnits, "nominal");
    expect(nominal.alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(krippendorffUnits, "ordinal").alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(krippendorffUnits, "interval").alpha).toBeCloseTo(0.849, 3);
    // Unit 12 has a single value, so it is not pairable: 11 units, 40 values (Krippendorff's n = 40).
    expect(nominal.units).toBe(11);
    expect(nominal.values).toBe(40);
  });

  it("is 1 for perfect agreement and below 0 for systematic disagreement", () => {
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3, 3]], "interval").alpha).toBe(1);
    expect(krippendorffAlpha([[1, 5], [5, 1], [1, 5]], "interval").alpha!).toBeLessThan(0);
  });

  it("treats categories and booleans by identity and keeps \"1\" apart from 1", () => {
    const r = krippendorffAlpha([["yes", "yes"], ["no", "no"], ["yes", "no"]], "nominal");
    // o: yes-yes 2, no-no 2, yes-no 1, no-yes 1 → n = 6, D_o ∝ 2, D_e ∝ 2·3·3 = 18 → 1 − 5·2/18.
    expect(r.alpha).toBeCloseTo(1 - 10 / 18, 12);
    expect(krippendorffAlpha([[true, true], [false, false]], "nominal").alpha).toBe(1);
    // Had "1" and 1 collided this would be null (no variation); as two values they always disagree.
    expect(krippendorffAlpha([["1", 1], ["1", 1]], "nominal").alpha).toBe(-0.5);
  });

  it("returns null alpha when nothing is pairable or there is no variation", () => {
    expect(krippendorffAlpha([[1], [2, null], []], "interval")).toEqual({ alpha: null, units: 0, values: 0 });
    expect(krippendorffAlpha([[3, 3], [3, 3, null]], "interval")).toEqual({ alpha: null, units: 2, values: 4 });
  });

  it("refuses non-numbers on a numeric metric", () => {
    expect(() => krippendorffAlpha([["a", "b"]], "interval")).toThrow(TypeError);
  });
});

describe("fleissKappa", () => {
  it("reproduces the classic 10 × 14 × 5 example", () => {
    const r = fleissKappaFromCounts(fleissCounts);
    expect(r.kappa).toBeCloseTo(0.21, 3);
    expect(r).toMatchObject({ units: 10, values: 140, raters: 14 });
  });

  it("gives the same answer from raw labels", () => {
    const raw = fleissCounts.map((row) => row.flatMap((count, category) => Array<string>(count).fill(`c${category}`)));
    expect(fleissKappa(raw).kappa).toBeCloseTo(fleissKappaFromCounts(fleissCounts).kappa!, 12);
  });

  it("rejects items with different numbers of raters and handles degenerate input", () => {
    expect(() => fleissKappa([["a", "b"], ["a", "b", "a"]])).toThrow(RangeError);
    expect(fleissKappa([["a"], [null, "b"]]).kappa).toBeNull();
    expect(fleissKappa([["a", "a"], ["a", "a"]]).kappa).toBeNull();
  });
});
