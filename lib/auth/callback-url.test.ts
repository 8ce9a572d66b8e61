import { describe, expect, it } from "vitest";
import { sameSitePath } from "./callback-url";

describe("sign-in callback URL", () => {
  it("keeps paths on this site", () => {
    expect(sameSitePath("/p/demo/audit?action=member.add#x")).toBe("/p/demo/audit?action=member.add#x");
    expect(sameSitePath(undefined)).toBe("/");
  });

  it("reads a tab-mangled path as the same-site path browsers see", () => {
    expect(sameSitePath("/\tevil.com")).toBe("/evil.com");
  });

  it("refuses every way of pointing elsewhere", () => {
    for (const bad of ["//evil.com", "/\\evil.com", "/\t/evil.com", "https://evil.com/p", "javascript:alert(1)", "\\\\evil.com"]) {
      expect(sameSitePath(bad), bad).toBe("/");
    }
  });
});
