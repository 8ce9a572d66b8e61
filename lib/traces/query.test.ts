import { describe, expect, it } from "vitest";
import { ZTraceListQuery } from "./list-schemas";
import { decodeCursor, encodeCursor, orderSpans, windowOf } from "./query";

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const span = (spanId: string, parentSpanId: string | null, s: number) => ({ spanId, parentSpanId, startTime: at(s) });

describe("orderSpans", () => {
  it("nests children under their parent by start time and puts a span whose parent never arrived at the root, marked", () => {
    const out = orderSpans([span("c2", "root", 3), span("orphan", "missing", 1), span("root", null, 0), span("c1", "root", 2), span("g", "c1", 2)]);
    expect(out.map((o) => [o.span.spanId, o.depth, o.orphan])).toEqual([
      ["root", 0, false], ["c1", 1, false], ["g", 2, false], ["c2", 1, false], ["orphan", 0, true],
    ]);
  });

  it("keeps every span of a parent cycle instead of dropping it", () => {
    const out = orderSpans([span("a", "b", 0), span("b", "a", 1)]);
    expect(out.map((o) => o.span.spanId).sort()).toEqual(["a", "b"]);
  });
});

describe("list query", () => {
  it("round-trips a cursor and refuses one it did not issue", () => {
    const c = { startTime: new Date("2026-03-01T10:00:00.123Z"), id: "cabc" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(() => decodeCursor("not-a-cursor")).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('["nope", 1]').toString("base64url"))).toThrow(/cursor/);
  });

  it("turns a preset into a window ending now and reads a time without an offset as UTC", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    expect(windowOf(ZTraceListQuery.parse({ range: "24h" }), now)).toEqual({ from: new Date("2026-02-28T12:00:00Z"), to: null });
    expect(windowOf(ZTraceListQuery.parse({ range: "custom", from: "2026-02-01T08:30", to: "2026-02-02" }), now)).toEqual({
      from: new Date("2026-02-01T08:30:00Z"), to: new Date("2026-02-02T00:00:00Z"),
    });
  });

  it("explains bad filter values field by field", () => {
    const r = ZTraceListQuery.safeParse({ range: "1y", limit: "201", minCost: "-1", pii: "SSN", q: "ab", from: "yesterday", injection: "yes" });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(Object.keys(fields).sort()).toEqual(["from", "injection", "limit", "minCost", "pii", "q", "range"]);
    expect(fields.limit).toBe("at most 200");
    expect(fields.q).toMatch(/at least 3 characters/);
    expect(ZTraceListQuery.safeParse({ range: "7d", from: "2026-01-01" }).error?.issues[0].message).toMatch(/either a preset range or from\/to/);
    expect(ZTraceListQuery.safeParse({ from: "2026-01-02", to: "2026-01-01" }).error?.issues[0]).toMatchObject({ path: ["to"], message: "must be after from" });
  });
});
