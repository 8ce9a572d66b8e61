import crypto from "node:crypto";

// Hash chain over audit events: each event's hash covers its own content and the previous hash,
// so changing, removing or reordering any stored event breaks every link after it.

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  seq: bigint | number | string;
  projectId: string | null;
  actorType: string;
  actorId: string;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: Date;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so equal values always hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of a value's canonical JSON: the content hash of every versioned thing. */
export function contentHash(value: unknown): string {
  return crypto.createHash("sha256").update(canonicalJson(value)).digest("hex");
}

export function hashEvent(e: ChainedFields): string {
  const payload = canonicalJson({
    seq: String(e.seq),
    projectId: e.projectId,
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    createdAt: e.createdAt.toISOString(),
    prevHash: e.prevHash,
  });
  return crypto.createHash("sha256").update(payload).digest("hex");
}

export type ChainCheck =
  | { ok: true; checked: number; lastHash: string; lastSeq: bigint | null }
  | { ok: false; checked: number; brokenSeq: bigint; reason: string };

/**
 * Walks events in seq order, continuing from `prev` (the last verified hash). Returns the first
 * broken link: a changed event (its hash no longer matches its content) or a cut / reordering
 * (its prevHash is not the hash of the event before it).
 */
export function checkChain(
  events: Iterable<ChainedFields & { hash: string }>,
  prev: string = GENESIS_HASH,
  checkedBefore = 0,
  lastSeqBefore: bigint | null = null,
): ChainCheck {
  let checked = checkedBefore;
  let lastSeq = lastSeqBefore;
  for (const e of events) {
    if (e.prevHash !== prev) {
      return { ok: false, checked, brokenSeq: BigInt(e.seq), reason: "previous-hash link does not match the event before it (an event was removed or reordered)" };
    }
    if (hashEvent(e) !== e.hash) {
      return { ok: false, checked, brokenSeq: BigInt(e.seq), reason: "event content does not match its hash (the event was modified)" };
    }
    prev = e.hash;
    lastSeq = BigInt(e.seq);
    checked++;
  }
  return { ok: true, checked, lastHash: prev, lastSeq };
}
