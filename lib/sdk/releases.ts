import { FlightdeckApiError, FlightdeckError, FlightdeckUnavailableError } from "./errors.js";
import { apiErrorFrom, isTransient, request, type Transport } from "./http.js";
import { LruCache } from "./lru.js";
import type { ResolvedRelease } from "./types.js";

/** A release bundle to serve when the server cannot be reached and nothing is cached; `variant` defaults to "stable". */
export type FallbackBundle = Omit<ResolvedRelease, "variant"> & { variant?: ResolvedRelease["variant"] };

/** Where a release came from when it was not a fresh answer of the server; passed to `onError`. */
export interface ReleaseErrorContext {
  env: string;
  key?: string;
  /** "stale": a failed background refresh, the cached value is still served; "fallback": the fallback bundle was served; "evicted": the server refused (401/403/404) and the cached value was dropped */
  served: "stale" | "fallback" | "evicted";
}

export interface ReleaseCacheOptions {
  project: string;
  cacheTtlMs: number;
  cacheMaxEntries: number;
  fallback?: Record<string, FallbackBundle>;
  onError?: (error: FlightdeckError, context: ReleaseErrorContext) => void;
  now?: () => number;
}

interface Entry {
  value: ResolvedRelease;
  etag: string | null;
  fetchedAt: number;
}

// One answer object is shared by every key that got it: frozen, so a caller changing it by mistake
// gets a TypeError instead of changing what other requests are served.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// distinct answers (ETags) remembered per environment: stable and canary, plus one just replaced
const BODIES_PER_ENV = 4;

// Refusals that say the cached answer is no longer ours to serve (key revoked, scope removed,
// environment deleted): the entry is dropped so the next call throws instead of serving it forever.
const REFUSED = new Set([401, 403, 404]);

/**
 * Stale-while-revalidate cache of resolved releases, one entry per (environment, request key).
 *
 * Per key, not per variant: the server decides the variant from a hash of the environment's id and
 * the key against the canary percentage, neither of which the resolve answer carries, so only the
 * server can say which variant a new key gets. Caching per key is correct whatever the assignment;
 * the LRU bound keeps the number of entries flat when keys are in the millions, and an entry is
 * small: the bodies themselves are kept once per ETag (an environment has at most a stable and a
 * canary answer), and every conditional request names all ETags known for the environment, so a
 * key never seen before is usually answered by a 304 without a body (RFC 9110: If-None-Match takes
 * a list, and a 304 carries the ETag of the answer it stands for).
 */
export class ReleaseCache {
  private readonly entries: LruCache<string, Entry>;
  private readonly inflight = new Map<string, Promise<ResolvedRelease>>();
  private readonly bodies = new Map<string, LruCache<string, ResolvedRelease>>();
  private readonly now: () => number;

  constructor(
    private readonly transport: Transport,
    private readonly options: ReleaseCacheOptions,
  ) {
    this.entries = new LruCache(options.cacheMaxEntries);
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bodies.clear();
  }

  async get(env: string, key?: string): Promise<ResolvedRelease> {
    const id = `${env}\u0000${key ?? ""}`;
    const entry = this.entries.get(id);
    if (entry) {
      if (this.now() - entry.fetchedAt >= this.options.cacheTtlMs) this.refreshInBackground(id, env, key, entry);
      return entry.value;
    }
    try {
      return await this.fetch(id, env, key, undefined);
    } catch (err) {
      const fallback = this.options.fallback?.[env];
      if (!(err instanceof FlightdeckUnavailableError) || !fallback) throw err;
      this.options.onError?.(err, { env, key, served: "fallback" });
      return { ...fallback, variant: fallback.variant ?? "stable" };
    }
  }

  private refreshInBackground(id: string, env: string, key: string | undefined, entry: Entry): void {
    this.fetch(id, env, key, entry).catch((err: FlightdeckError) => {
      const refused = err instanceof FlightdeckApiError && REFUSED.has(err.status);
      if (refused) this.entries.delete(id);
      this.options.onError?.(err, { env, key, served: refused ? "evicted" : "stale" });
    });
  }

  /** One request per cache entry at a time: concurrent misses and refreshes share it. */
  private fetch(id: string, env: string, key: string | undefined, entry: Entry | undefined): Promise<ResolvedRelease> {
    let pending = this.inflight.get(id);
    if (!pending) {
      pending = this.load(id, env, key, entry).finally(() => this.inflight.delete(id));
      this.inflight.set(id, pending);
    }
    return pending;
  }

  private async load(id: string, env: string, key: string | undefined, entry: Entry | undefined): Promise<ResolvedRelease> {
    const query = key === undefined ? "" : `?${new URLSearchParams({ key })}`;
    const path = `/api/v1/projects/${encodeURIComponent(this.options.project)}/environments/${encodeURIComponent(env)}/release${query}`;
    const known = this.knownBodies(env);
    const etags = new Set([...(entry?.etag ? [entry.etag] : []), ...known.keys()]);
    let res = await request(this.transport, "GET", path, { headers: etags.size ? { "if-none-match": [...etags].join(", ") } : {} });
    if (res.status === 304) {
      await res.body?.cancel();
      const etag = res.headers.get("etag");
      const value = (etag && etag === entry?.etag ? entry.value : etag && known.get(etag)) || (etags.size === 1 ? entry?.value : undefined);
      if (value) {
        this.entries.set(id, { value, etag: etag ?? entry!.etag, fetchedAt: this.now() });
        return value;
      }
      // a 304 that does not say which answer it stands for: ask again without conditions
      res = await request(this.transport, "GET", path);
    }
    if (res.status === 200) {
      const etag = res.headers.get("etag");
      let value: ResolvedRelease;
      try {
        value = deepFreeze((await res.json()) as ResolvedRelease);
      } catch (err) {
        // e.g. a proxy's HTML page with 200: not an answer of Flightdeck's
        throw new FlightdeckUnavailableError(`Flightdeck's answer for "${env}" is not JSON: ${(err as Error).message}`, 200, { cause: err });
      }
      if (etag) {
        value = known.get(etag) ?? value;
        known.set(etag, value);
      }
      this.entries.set(id, { value, etag, fetchedAt: this.now() });
      return value;
    }
    if (isTransient(res.status)) {
      const cause = await apiErrorFrom(res);
      throw new FlightdeckUnavailableError(`Flightdeck could not resolve the release of "${env}" (HTTP ${res.status}): ${cause.message}`, res.status, { cause });
    }
    throw await apiErrorFrom(res);
  }

  private knownBodies(env: string): LruCache<string, ResolvedRelease> {
    let known = this.bodies.get(env);
    if (!known) this.bodies.set(env, (known = new LruCache(BODIES_PER_ENV)));
    return known;
  }
}
