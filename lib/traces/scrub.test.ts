import { describe, expect, it } from "vitest";
import { ZIngestBatch } from "./schemas";
import { hashEndUser, scrubBatch } from "./scrub";
import { spanCost } from "./process";

const key = Buffer.alloc(32, 7);
const batch = ZIngestBatch.parse({
  traces: [{
    traceId: "t", endUserId: "user-1",
    spans: [{
      spanId: "s", kind: "retrieval", name: "search", startTime: "2026-01-01T00:00:00Z", endTime: "2026-01-01T00:00:01Z", status: "error",
      error: "no match for bob@example.org", attributes: { model: "gpt-4o-2024-08-06", note: "cc bob@example.org" },
      retrievedDocuments: [{ id: "d1", text: "write to bob@example.org" }],
    }],
  }],
});

describe("scrubBatch", () => {
  it("scrubs error, string attributes and retrieved text, keeps the model id, records types and hashes the end user", () => {
    const out = scrubBatch(batch, key);
    const json = JSON.stringify(out);
    expect(json).not.toContain("bob@example.org");
    expect(json).not.toContain("user-1");
    const span = out.traces[0].spans[0];
    expect(span).toMatchObject({ error: "no match for <EMAIL>", piiTypes: ["EMAIL"], attributes: { model: "gpt-4o-2024-08-06", note: "cc <EMAIL>" } });
    expect(span.retrievedDocuments?.[0].text).toBe("write to <EMAIL>");
    expect(out.traces[0].endUserHash).toBe(hashEndUser("user-1", key));
    expect(hashEndUser("user-1", Buffer.alloc(32, 8))).not.toBe(out.traces[0].endUserHash);
  });
});

describe("scrubBatch when the scrubber fails", () => {
  const failing = (text: string) => {
    if (text.includes("bob@")) throw new Error(`cannot scrub ${text}`);
    return { text, found: [] };
  };
  it("fails closed by default: the text it failed on is dropped and the span says so", () => {
    const span = scrubBatch(batch, key, { failClosed: true, scrubber: failing }).traces[0].spans[0];
    expect(JSON.stringify(span)).not.toContain("bob@example.org");
    expect(span).toMatchObject({ error: "", scrub: "dropped", attributes: { note: "" } });
    expect(span.retrievedDocuments?.[0].text).toBe("");
  });
  it("fails open when the project chose it: the text is stored as sent and marked unscrubbed", () => {
    const span = scrubBatch(batch, key, { failClosed: false, scrubber: failing }).traces[0].spans[0];
    expect(span).toMatchObject({ error: "no match for bob@example.org", scrub: "unscrubbed" });
  });
  it("marks nothing when the scrubber works", () => {
    expect(scrubBatch(batch, key).traces[0].spans[0].scrub).toBeUndefined();
  });
});

describe("spanCost", () => {
  const prices = new Map([["m", { inputPricePerMTok: 2, outputPricePerMTok: 10, cachedPricePerMTok: null }]]);
  const span = (attributes: Record<string, unknown>) => ({ ...batch.traces[0].spans[0], piiTypes: [], attributes }) as Parameters<typeof spanCost>[0];
  it("keeps a reported cost, computes one from the price table, and says unknown otherwise", () => {
    expect(spanCost(span({ model: "m", inputTokens: 10, costUsd: 1 }), prices)).toEqual({ costUsd: 1, costSource: "reported" });
    expect(spanCost(span({ model: "m", inputTokens: 1_000_000, outputTokens: 100_000 }), prices)).toEqual({ costUsd: 3, costSource: "computed" });
    expect(spanCost(span({ model: "other", inputTokens: 10 }), prices)).toEqual({ costUsd: null, costSource: "unknown" });
    expect(spanCost(span({ model: "m" }), prices)).toEqual({ costUsd: null, costSource: "unknown" });
  });
});
