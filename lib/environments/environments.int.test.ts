import { describe, expect, it } from "vitest";
import { db } from "../db";
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/projects/[project]/environments/route";
import { POST as promoteRoute } from "../../app/api/v1/projects/[project]/environments/[env]/promote/route";
import { POST as canaryRoute, PATCH as canaryPatchRoute } from "../../app/api/v1/projects/[project]/environments/[env]/canary/route";
import { POST as graduateRoute } from "../../app/api/v1/projects/[project]/environments/[env]/canary/graduate/route";
import { POST as abortRoute } from "../../app/api/v1/projects/[project]/environments/[env]/canary/abort/route";
import { POST as rollbackRoute } from "../../app/api/v1/projects/[project]/environments/[env]/rollback/route";
import { GET as resolveRoute } from "../../app/api/v1/projects/[project]/environments/[env]/release/route";
import { GET as deploymentsRoute } from "../../app/api/v1/projects/[project]/environments/[env]/deployments/route";
import { rolloutProject } from "./test-fixtures";
import { assignVariant } from "./assign";

// The public API through the real route handlers (API keys, scopes, zod, error mapping) on real
// Postgres and Redis, and the release workflow moving release states in the same transaction.

async function setup() {
  const s = await rolloutProject();
  const deployer = await s.runtimeKey(["releases:deploy", "runtime:read"]);
  const runtime = await s.runtimeKey(["runtime:read"]);
  const readOnly = await s.runtimeKey(["registry:read"]);
  const base = `http://x/api/v1/projects/${s.project.slug}/environments`;
  const ctx = (env?: string) => ({ params: Promise.resolve({ project: s.project.slug, ...(env ? { env } : {}) }) });
  const send = (handler: (req: Request, c: ReturnType<typeof ctx>) => Promise<Response>, method: string, env: string, path: string, body: unknown, token = deployer) =>
    handler(new Request(`${base}/${env}${path}`, { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) }), ctx(env));
  const resolve = (env: string, key?: string, token = runtime, headers: Record<string, string> = {}) =>
    resolveRoute(new Request(`${base}/${env}/release${key !== undefined ? `?key=${encodeURIComponent(key)}` : ""}`, { headers: { authorization: `Bearer ${token}`, ...headers } }), ctx(env));
  const envRow = (name: string) => db().environment.findUniqueOrThrow({ where: { projectId_name: { projectId: s.project.id, name } } });
  const state = async (id: string) => (await db().release.findUniqueOrThrow({ where: { id } })).state;
  return { s, deployer, runtime, readOnly, base, ctx, send, resolve, envRow, state };
}

describe("environments", () => {
  it("lists staging and production from first use, adds one with a slug name, refuses a bad or taken name", async () => {
    const t = await setup();
    const list = await (await listRoute(new Request(t.base, { headers: { authorization: `Bearer ${t.readOnly}` } }), t.ctx())).json();
    expect(list.environments.map((e: { name: string }) => e.name)).toEqual(["staging", "production"]);
    const post = (name: string, token = t.deployer) =>
      createRoute(new Request(t.base, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ name }) }), t.ctx());
    expect((await post("eu-production")).status).toBe(201);
    expect((await post("eu-production")).status).toBe(409);
    const bad = await post("EU Prod");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message).toContain("lowercase");
    expect((await post("qa", t.readOnly)).status).toBe(403);
  });
});

describe("deployments", () => {
  it("promotes to staging (approved only) without moving the release's state, and keeps the history", async () => {
    const t = await setup();
    const draft = await t.s.release("0.9.0", "draft");
    const refused = await t.send(promoteRoute, "POST", "staging", "/promote", { release: "0.9.0" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toContain("Only approved releases");
    expect((await t.envRow("staging")).epoch).toBe(0);

    const r1 = await t.s.release("1.0.0");
    const ok = await t.send(promoteRoute, "POST", "staging", "/promote", { release: r1.id, reason: "try it" });
    expect(ok.status).toBe(200);
    const moved = await ok.json();
    expect(moved.environment).toMatchObject({ name: "staging", stable: { id: r1.id, version: "1.0.0" }, epoch: 1 });
    expect(moved.deployment).toMatchObject({ action: "promote", stableBefore: null, stableAfter: r1.id, reason: "try it" });
    expect(await t.state(r1.id)).toBe("approved");
    expect(await t.state(draft.id)).toBe("draft");

    const hist = await (await deploymentsRoute(new Request(`${t.base}/staging/deployments`, { headers: { authorization: `Bearer ${t.readOnly}` } }), t.ctx("staging"))).json();
    expect(hist.deployments).toHaveLength(1);
    const audit = await db().auditEvent.findMany({ where: { projectId: t.s.project.id, action: "environment.promote" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ stableReleaseId: r1.id, deploymentId: moved.deployment.id });
    const inbox = await db().notification.findMany({ where: { projectId: t.s.project.id, kind: "release.promote" } });
    expect(inbox[0].title).toContain("1.0.0 promoted (staging)");
  });

  it("promotes to production, runs a sticky 10% canary, graduates it, and rolls back in one call with a reason", async () => {
    const t = await setup();
    const r1 = await t.s.release("1.0.0");
    const r2 = await t.s.release("1.1.0");
    expect((await t.send(promoteRoute, "POST", "production", "/promote", { release: "1.0.0" })).status).toBe(200);
    expect(await t.state(r1.id)).toBe("production");

    // nothing to roll back to yet; a canary needs a percentage between 1 and 99
    expect((await t.send(rollbackRoute, "POST", "production", "/rollback", { reason: "oops" })).status).toBe(409);
    expect((await t.send(canaryRoute, "POST", "production", "/canary", { release: "1.1.0", percent: 100 })).status).toBe(422);
    expect((await t.send(canaryRoute, "POST", "staging", "/canary", { release: "1.1.0", percent: 10 })).status).toBe(422);

    const started = await t.send(canaryRoute, "POST", "production", "/canary", { release: "1.1.0", percent: 10 });
    expect(started.status).toBe(200);
    expect(await t.state(r2.id)).toBe("canary");
    const env = await t.envRow("production");
    expect(env).toMatchObject({ stableReleaseId: r1.id, canaryReleaseId: r2.id, canaryPercent: 10 });

    // the resolve API follows the sticky assignment for every key
    let canaries = 0;
    for (let i = 0; i < 60; i++) {
      const body = await (await t.resolve("production", `user-${i}`)).json();
      const expected = assignVariant(env.id, `user-${i}`, 10, true);
      expect(body.variant).toBe(expected);
      expect(body.release.id).toBe(expected === "canary" ? r2.id : r1.id);
      if (expected === "canary") canaries++;
    }
    expect(canaries).toBeGreaterThan(0);
    expect(canaries).toBeLessThan(20);

    expect((await t.send(canaryPatchRoute, "PATCH", "production", "/canary", { percent: 10 })).status).toBe(409);
    expect((await t.send(canaryPatchRoute, "PATCH", "production", "/canary", { percent: 50 })).status).toBe(200);
    expect((await t.send(promoteRoute, "POST", "production", "/promote", { release: "1.1.0" })).status).toBe(409);

    expect((await t.send(graduateRoute, "POST", "production", "/canary/graduate", {})).status).toBe(200);
    expect(await t.state(r2.id)).toBe("production");
    expect(await t.state(r1.id)).toBe("superseded");
    expect(await t.envRow("production")).toMatchObject({ stableReleaseId: r2.id, canaryReleaseId: null, canaryPercent: 0 });

    // rollback: a reason is required, and a refusal changes nothing
    const noReason = await t.send(rollbackRoute, "POST", "production", "/rollback", {});
    expect(noReason.status).toBe(422);
    const epochBefore = (await t.envRow("production")).epoch;
    expect((await t.envRow("production")).stableReleaseId).toBe(r2.id);
    const rolled = await t.send(rollbackRoute, "POST", "production", "/rollback", { reason: "answers got worse" });
    expect(rolled.status).toBe(200);
    const after = await t.envRow("production");
    expect(after).toMatchObject({ stableReleaseId: r1.id, canaryReleaseId: null, epoch: epochBefore + 1 });
    expect(await t.state(r2.id)).toBe("rolled_back");
    expect((await (await t.resolve("production", "anyone")).json()).release.id).toBe(r1.id);

    const hist = await (await deploymentsRoute(new Request(`${t.base}/production/deployments`, { headers: { authorization: `Bearer ${t.readOnly}` } }), t.ctx("production"))).json();
    expect(hist.deployments.map((d: { action: string }) => d.action)).toEqual(["rollback", "graduate", "canary_update", "canary_start", "promote"]);
    expect(hist.deployments[0]).toMatchObject({ reason: "answers got worse", stableBefore: r2.id, stableAfter: r1.id });
  });

  it("aborts a canary with a reason; a key without releases:deploy moves nothing", async () => {
    const t = await setup();
    const r1 = await t.s.release("1.0.0");
    const r2 = await t.s.release("2.0.0");
    await t.send(promoteRoute, "POST", "production", "/promote", { release: r1.id });
    expect((await t.send(canaryRoute, "POST", "production", "/canary", { release: r2.id, percent: 5 }, t.runtime)).status).toBe(403);
    await t.send(canaryRoute, "POST", "production", "/canary", { release: r2.id, percent: 5 });
    expect((await t.send(abortRoute, "POST", "production", "/canary/abort", {})).status).toBe(422);
    expect((await t.send(abortRoute, "POST", "production", "/canary/abort", { reason: "not now" })).status).toBe(200);
    expect(await t.state(r2.id)).toBe("rolled_back");
    expect(await t.envRow("production")).toMatchObject({ stableReleaseId: r1.id, canaryReleaseId: null, canaryPercent: 0 });
  });
});

describe("the resolve API", () => {
  it("answers the bundle with an ETag, 304 on If-None-Match, Cache-Control; 403 without runtime:read; 404 before any promotion", async () => {
    const t = await setup();
    expect((await t.resolve("production", "k")).status).toBe(404);
    const r1 = await t.s.release("1.0.0");
    await t.send(promoteRoute, "POST", "production", "/promote", { release: r1.id });
    const res = await t.resolve("production", "k");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, max-age=5, stale-while-revalidate=30");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const body = await res.json();
    expect(body).toEqual({
      release: { id: r1.id, version: "1.0.0" },
      variant: "stable",
      prompts: {
        answer: {
          name: "support", version: 1, messages: [{ role: "system", content: "You help {{customer}} with orders." }], params: { temperature: 0.2 },
          variables: [{ name: "customer", type: "string", required: true }],
        },
      },
      model: {
        provider: "offline", connection: "offline", model: "main-model-2026-01", modelVersionId: t.s.main.id, params: { contextWindow: 128_000, maxOutputTokens: 4096 },
        fallbacks: [{ provider: "offline", connection: "offline", model: "fallback-model-2026-01", modelVersionId: t.s.fallback.id }],
      },
      retrieval: null,
    });
    const again = await t.resolve("production", "k", t.runtime, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await t.resolve("production", "k", t.readOnly)).status).toBe(403);
    expect((await t.resolve("nowhere", "k")).status).toBe(404);
  });
});
