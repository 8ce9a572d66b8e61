import { createHmac } from "node:crypto";
import { scrubPii } from "../guard/pii";
import type { TIngestBatch, TIngestSpan, TStoredBatch, TStoredSpan } from "./schemas";

// Runs in the request path, before the batch reaches Postgres, Redis or a log line (issue 5,
// "Scrubbed before the first write"). Names are code identifiers and stay; free text is scrubbed.

// attribute values that are identifiers, not free text
const VERBATIM_ATTRIBUTES = new Set(["model"]);

export interface ScrubOptions {
  /** Drop a text the scrubber fails on (true, the default) or store it as sent (false). A project setting. */
  failClosed: boolean;
  /** The scrubber; replaceable so tests can make it fail. */
  scrubber?: (text: string) => { text: string; found: readonly string[] };
}

function scrubSpan(span: TIngestSpan, { failClosed, scrubber = scrubPii }: ScrubOptions): TStoredSpan {
  const found = new Set<string>();
  let failed = false;
  const scrub = <T extends string | undefined>(text: T): T => {
    if (text === undefined || text === "") return text;
    let r: { text: string; found: readonly string[] };
    try {
      r = scrubber(text);
    } catch {
      // the error itself is not logged: its message could quote the text
      failed = true;
      return (failClosed ? "" : text) as T;
    }
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
    ...(failed ? { scrub: failClosed ? ("dropped" as const) : ("unscrubbed" as const) } : {}),
  };
}

/** End-user ids are stored only as a keyed hash: joinable within this deployment, not reversible by a reader of the database. */
export function hashEndUser(endUserId: string, key: Buffer): string {
  return createHmac("sha256", key).update(`end-user:${endUserId}`).digest("hex");
}

export function scrubBatch(batch: TIngestBatch, hashKey: Buffer, options: ScrubOptions = { failClosed: true }): TStoredBatch {
  return {
    traces: batch.traces.map(({ endUserId, spans, ...trace }) => ({
      ...trace,
      ...(endUserId ? { endUserHash: hashEndUser(endUserId, hashKey) } : {}),
      spans: spans.map((s) => scrubSpan(s, options)),
    })),
  };
}
