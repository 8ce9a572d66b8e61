import type { Redis } from "ioredis";
import { redisKey } from "../redis";
import { listenForInvalidations, publishInvalidation, type InvalidationListener } from "../cache/invalidation";
import type { PreparedAnswer } from "./bundle";

// The resolve API's in-process cache (issue 6, the hot path). One entry per (project, environment)
// holds both prepared answers (stable and canary) and the canary share, so a request costs a map
// lookup and a hash. Every pointer move publishes the project's id on Redis; every instance drops the
// project's entries when it hears it (well under a second). While the subscription is down the cache
// is bypassed (Postgres answers), and it starts empty again when the subscription returns, so a
// missed message cannot leave an instance serving an old release.

export interface EnvironmentSnapshot {
  environmentId: string;
  canaryPercent: number;
  stable: PreparedAnswer | null;
  canary: PreparedAnswer | null;
}

export type SnapshotLoader = (projectId: string, envName: string) => Promise<EnvironmentSnapshot | null>;

// a backstop only: invalidation normally arrives in milliseconds
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;

export const pointerMovedChannel = () => redisKey("environments", "moved");

// this process's caches: a move made here is visible here at once, before its message comes back
const local = new Set<ResolveCache>();

/** After a move has committed: every instance drops the project's cached answers. */
export function announcePointerMove(projectId: string): Promise<void> {
  for (const c of local) c.dropProject(projectId);
  return publishInvalidation(pointerMovedChannel(), projectId);
}

interface Entry {
  snapshot: EnvironmentSnapshot | null;
  at: number;
}

export class ResolveCache {
  private entries = new Map<string, Entry>();
  private inflight = new Map<string, Promise<EnvironmentSnapshot | null>>();
  // bumped per project on every invalidation: a load that started before it must not be stored
  private generations = new Map<string, number>();
  private globalGeneration = 0;
  private listener: InvalidationListener;
  /** fills from Postgres; for tests and the bench */
  misses = 0;

  /** `opts.hearsLocalMoves: false` makes a cache learn of moves only over Redis, like another process (tests) */
  constructor(private load: SnapshotLoader, connect?: () => Redis, opts: { hearsLocalMoves?: boolean } = {}) {
    this.listener = listenForInvalidations(pointerMovedChannel(), (projectId) => this.dropProject(projectId), () => this.clear(), connect);
    if (opts.hearsLocalMoves !== false) local.add(this);
  }

  ready(): boolean {
    return this.listener.ready();
  }

  async get(projectId: string, envName: string): Promise<EnvironmentSnapshot | null> {
    if (!this.listener.ready()) {
      this.misses++;
      return this.load(projectId, envName);
    }
    const key = `${projectId}\n${envName}`;
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < MAX_AGE_MS) return hit.snapshot;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const generation = this.generationOf(projectId);
    const loading = this.load(projectId, envName)
      .then((snapshot) => {
        if (this.generationOf(projectId) === generation && this.listener.ready()) {
          if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
          this.entries.set(key, { snapshot, at: Date.now() });
        }
        return snapshot;
      })
      .finally(() => this.inflight.delete(key));
    this.misses++;
    this.inflight.set(key, loading);
    return loading;
  }

  dropProject(projectId: string): void {
    this.generations.set(projectId, (this.generations.get(projectId) ?? 0) + 1);
    for (const key of this.entries.keys()) if (key.startsWith(`${projectId}\n`)) this.entries.delete(key);
    // a request waiting on an older load gets that load's answer; the next one loads afresh
    for (const key of this.inflight.keys()) if (key.startsWith(`${projectId}\n`)) this.inflight.delete(key);
  }

  clear(): void {
    this.globalGeneration++;
    this.entries.clear();
    this.inflight.clear();
  }

  private generationOf(projectId: string): string {
    return `${this.globalGeneration}.${this.generations.get(projectId) ?? 0}`;
  }

  close(): Promise<void> {
    local.delete(this);
    this.clear();
    return this.listener.close();
  }
}
