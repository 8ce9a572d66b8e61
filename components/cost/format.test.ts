import { describe, expect, it } from "vitest";
import { formatCount, formatRate, formatUsd } from "./format";

describe("cost formatting", () => {
  it("shows dollars with cents, and fractions of a cent with four significant digits", () => {
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(0.0012346)).toBe("$0.001235");
    expect(formatUsd(0.005)).toBe("$0.005");
    expect(formatUsd(null)).toBe("—");
  });
  it("counts and rates", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatRate(0.1234)).toBe("12.3%");
    expect(formatRate(null)).toBe("—");
  });
});
