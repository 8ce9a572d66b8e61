import { createHmac } from "node:crypto";
import { scrubPii } from "../guard/pii";
import type { TIngestBatch, TIngestSpan, TStoredBatch, TStoredSpan } from "./schemas";

// Runs in the request path, before the batch reaches Postgres, Redis or a log line (issue 5,
// "Scrubbed before the first write"). Names are code identifiers and stay; free text is scrubbed.

// attribute values that are identifiers, not free text
const VERBATIM_ATTRIBUTES = new Set(["model"]);

function scrubSpan(span: TIngestSpan): TStoredSpan {
  const found = new Set<string>();
  const scrub = <T extends string | undefined>(text: T): T => {
    if (text === undefined || text === "") return text;
    const r = scrubPii(text);
    for (const t of r.found) found.add(t);
    return r.text as T;
  };
  const attributes = span.attributes
    ? Object.fromEntries(Object.entries(span.attributes).map(([k, v]) => [k, typeof v === "string" && !VERBATIM_ATTRIBUTES.has(k) ? scrub(v) : v]))
    : undefined;
  return {
    ...span,
    error: scrub(span.error),
    input: scrub(span.input),
    output: scrub(span.output),
    ...(attributes ? { attributes: attributes as TIngestSpan["attributes"] } : {}),
    ...(span.retrievedDocuments ? { retrievedDocuments: span.retrievedDocuments.map((d) => ({ ...d, text: scrub(d.text) })) } : {}),
    piiTypes: [...found],
  };
}

/** End-user ids are stored only as a keyed hash: joinable within this deployment, not reversible by a reader of the database. */
export function hashEndUser(endUserId: string, key: Buffer): string {
  return createHmac("sha256", key).update(`end-user:${endUserId}`).digest("hex");
}

export function scrubBatch(batch: TIngestBatch, hashKey: Buffer): TStoredBatch {
  return {
    traces: batch.traces.map(({ endUserId, spans, ...trace }) => ({
      ...trace,
      ...(endUserId ? { endUserHash: hashEndUser(endUserId, hashKey) } : {}),
      spans: spans.map(scrubSpan),
    })),
  };
}
