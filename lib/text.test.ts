import { describe, expect, it } from "vitest";
import { zName } from "./text";

describe("names", () => {
  it("accepts Arabic and English names, trimmed", () => {
    expect(zName().parse("  مساعد الدعم  ")).toBe("مساعد الدعم");
    expect(zName().parse("checkout-service prod")).toBe("checkout-service prod");
  });

  it("refuses what PostgreSQL cannot store, with a message", () => {
    for (const bad of ["bad\u0000name", "tab\tname", "half \ud800 surrogate"]) {
      const r = zName().safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      if (!r.success) expect(r.error.issues[0].message).toMatch(/control characters/);
    }
    expect(zName(5).safeParse("toolong").success).toBe(false);
    expect(zName().safeParse("   ").success).toBe(false);
  });
});
