import { afterEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { promoteRelease, rollbackProduction } from "./moves";
import { loadEnvironmentSnapshot } from "./resolve";
import { ResolveCache } from "./resolve-cache";
import { rolloutProject } from "./test-fixtures";

// Two caches with their own Redis subscriptions stand for two web instances: a promotion or a
// rollback made elsewhere must reach both within a second, and a warm cache must not touch Postgres.

const caches: ResolveCache[] = [];
afterEach(async () => {
  await Promise.all(caches.splice(0).map((c) => c.close()));
});

async function readyCache() {
  // as if in other processes: they learn of moves made here only through Redis
  const c = new ResolveCache(loadEnvironmentSnapshot, undefined, { hearsLocalMoves: false });
  caches.push(c);
  const until = Date.now() + 5_000;
  while (!c.ready() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  expect(c.ready()).toBe(true);
  return c;
}

/** ms until every cache serves `releaseId` as stable (polling every 5 ms, as requests would arrive). */
async function msUntilAll(cs: ResolveCache[], projectId: string, releaseId: string): Promise<number> {
  const start = performance.now();
  for (;;) {
    const snaps = await Promise.all(cs.map((c) => c.get(projectId, "production")));
    if (snaps.every((s) => s?.stable?.releaseId === releaseId)) return performance.now() - start;
    if (performance.now() - start > 3_000) return Infinity;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("the resolve cache across instances", () => {
  it("serves warm answers from memory and follows a promotion and a rollback on both instances within a second", async () => {
    const s = await rolloutProject();
    const r1 = await s.release("1.0.0");
    const r2 = await s.release("1.1.0");
    await promoteRelease(s.admin, "production", { release: r1.id });
    const [a, b] = [await readyCache(), await readyCache()];
    expect((await a.get(s.project.id, "production"))?.stable?.releaseId).toBe(r1.id);
    expect((await b.get(s.project.id, "production"))?.stable?.releaseId).toBe(r1.id);
    const misses = a.misses + b.misses;
    for (let i = 0; i < 100; i++) await Promise.all([a.get(s.project.id, "production"), b.get(s.project.id, "production")]);
    expect(a.misses + b.misses).toBe(misses);

    await promoteRelease(s.admin, "production", { release: r2.id });
    const promoted = await msUntilAll([a, b], s.project.id, r2.id);
    expect(promoted).toBeLessThan(1_000);

    await rollbackProduction(s.admin, "production", { reason: "bad answers" });
    const rolledBack = await msUntilAll([a, b], s.project.id, r1.id);
    expect(rolledBack).toBeLessThan(1_000);
    console.log(`visible on both instances after: promotion ${promoted.toFixed(1)} ms, rollback ${rolledBack.toFixed(1)} ms`);
  });

  it("drops only the moved project's entries", async () => {
    const one = await rolloutProject();
    const two = await rolloutProject();
    const [r1, r2] = [await one.release("1.0.0"), await two.release("1.0.0")];
    await promoteRelease(one.admin, "production", { release: r1.id });
    await promoteRelease(two.admin, "production", { release: r2.id });
    const c = await readyCache();
    await c.get(one.project.id, "production");
    await c.get(two.project.id, "production");
    const misses = c.misses;
    c.dropProject(one.project.id);
    await c.get(one.project.id, "production");
    await c.get(two.project.id, "production");
    expect(c.misses).toBe(misses + 1);
  });

  it("reads Postgres on every call while its subscription is down, so it cannot miss a move", async () => {
    const s = await rolloutProject();
    const r1 = await s.release("1.0.0");
    await promoteRelease(s.admin, "production", { release: r1.id });
    // nothing listens on port 1: the subscription never becomes live
    const c = new ResolveCache(loadEnvironmentSnapshot, () => new Redis("redis://127.0.0.1:1", { retryStrategy: () => null, maxRetriesPerRequest: null }));
    caches.push(c);
    for (let i = 0; i < 3; i++) expect((await c.get(s.project.id, "production"))?.stable?.releaseId).toBe(r1.id);
    expect(c.ready()).toBe(false);
    expect(c.misses).toBe(3);
  });
});
