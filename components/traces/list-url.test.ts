import { describe, expect, it } from "vitest";
import { filtersFromSearchParams, listHref } from "./list-url";

describe("trace list URL", () => {
  it("drops empty fields, takes the first of repeated ones and defaults to the last 24 hours", () => {
    expect(filtersFromSearchParams({ environment: "production", team: "", model: ["a", "b"] })).toEqual({ environment: "production", model: "a", range: "24h" });
    expect(filtersFromSearchParams({ range: "custom", from: "2026-01-01T00:00" })).toEqual({ range: "custom", from: "2026-01-01T00:00" });
    expect(filtersFromSearchParams({ from: "2026-01-01T00:00" })).toEqual({ from: "2026-01-01T00:00" });
  });

  it("builds links that keep the filters and replace or drop one", () => {
    expect(listHref("demo", { range: "7d", q: "refund policy" }, { cursor: "abc" })).toBe("/p/demo/traces?range=7d&q=refund+policy&cursor=abc");
    expect(listHref("demo", { range: "7d", cursor: "abc" }, { cursor: undefined })).toBe("/p/demo/traces?range=7d");
    expect(listHref("demo", {})).toBe("/p/demo/traces");
  });
});
