import { redisKey } from "../redis";
import { listenForInvalidations, publishInvalidation, type InvalidationListener } from "../cache/invalidation";
import { findApiKeyByPrefix } from "./repo";

// API key lookups kept in memory for a few seconds (issue 6: the resolve API is a hot path and a
// key lookup per request would be its only database query). Safe because revocation drops the key
// at once in this process and, over Redis pub/sub, in every other one; expiry is checked on every
// call from the cached row; and while the subscription is down nothing is cached (every call reads
// Postgres), so a missed revocation cannot outlive TTL_MS.

type KeyRow = NonNullable<Awaited<ReturnType<typeof findApiKeyByPrefix>>>;

const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

const channel = () => redisKey("apikeys", "revoked");

const g = globalThis as unknown as { flightdeckKeyCache?: { entries: Map<string, { row: KeyRow; at: number }>; listener: InvalidationListener } };

function cache() {
  if (!g.flightdeckKeyCache) {
    const entries = new Map<string, { row: KeyRow; at: number }>();
    const listener = listenForInvalidations(channel(), (prefix) => entries.delete(prefix), () => entries.clear());
    g.flightdeckKeyCache = { entries, listener };
  }
  return g.flightdeckKeyCache;
}

/** The key row for a prefix (unknown prefixes are not cached, so a new key works at once). */
export async function lookupApiKey(prefix: string): Promise<KeyRow | null> {
  const c = cache();
  const hit = c.entries.get(prefix);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.row;
  const row = await findApiKeyByPrefix(prefix);
  if (row && c.listener.ready()) {
    if (c.entries.size >= MAX_ENTRIES) c.entries.clear();
    c.entries.set(prefix, { row, at: Date.now() });
  }
  return row;
}

/** Whether lookups are being cached (the invalidation subscription is live); starts the subscription. */
export function apiKeyCacheReady(): boolean {
  return cache().listener.ready();
}

/** After a revocation has committed: this process forgets the key now, the others when the message arrives. */
export async function forgetApiKey(prefix: string): Promise<void> {
  g.flightdeckKeyCache?.entries.delete(prefix);
  await publishInvalidation(channel(), prefix);
}

export async function closeApiKeyCache(): Promise<void> {
  const c = g.flightdeckKeyCache;
  g.flightdeckKeyCache = undefined;
  await c?.listener.close();
}
