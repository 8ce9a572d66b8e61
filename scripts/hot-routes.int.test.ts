import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abortCanary, promoteRelease, startCanary } from "../lib/environments/moves";
import { rolloutProject } from "../lib/environments/test-fixtures";
import { matchHotRoute, serveHotRoute } from "./hot-routes";
import * as resolveRoute from "../app/api/v1/projects/[project]/environments/[env]/release/route";
import * as pingRoute from "../app/api/v1/ping/route";

const COMPARED = ["content-type", "etag", "cache-control", "vary", "www-authenticate"];

/** What the same request gets from the route handler Next runs (app/api/v1/…), in comparable parts. */
async function viaNext(path: string, headers: Record<string, string>) {
  const url = new URL(path, "http://localhost");
  const m = /^\/api\/v1\/projects\/([^/]+)\/environments\/([^/]+)\/release$/.exec(url.pathname);
  const response = m
    ? await resolveRoute.GET(new Request(url, { headers }), { params: Promise.resolve({ project: decodeURIComponent(m[1]), env: decodeURIComponent(m[2]) }) })
    : pingRoute.GET();
  return partsOf(response);
}

async function partsOf(r: Response) {
  const body = (await r.text()).replace(/"requestId":"[^"]+"/, '"requestId":"…"');
  return { status: r.status, headers: Object.fromEntries(COMPARED.map((h) => [h, r.headers.get(h)])), body };
}

// The web server's hot path over real HTTP: what scripts/web-server.ts answers itself must carry the
// same statuses, headers and bodies the route handlers give through Next (auth, permission, 404,
// ETag/304), plus the security headers Next would add; whatever it does not match falls through.

let origin = "";
let fellThrough: string[] = [];
const server = http.createServer((req, res) => {
  const hot = matchHotRoute(req);
  if (hot) return void serveHotRoute(hot, req, res);
  fellThrough.push(`${req.method} ${req.url}`);
  res.writeHead(599).end();
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("the web server's hot routes", () => {
  it("answer ping and the resolve API like the route handlers, follow a canary taken out, and leave everything else to Next", async () => {
    const s = await rolloutProject();
    const stable = await s.release("1.0.0");
    const canary = await s.release("1.1.0");
    await promoteRelease(s.admin, "production", { release: stable.id });
    await startCanary(s.admin, "production", { release: canary.id, percent: 50 });
    const auth = { authorization: `Bearer ${await s.runtimeKey()}` };
    const path = `/api/v1/projects/${s.project.slug}/environments/production/release`;

    const ping = await fetch(`${origin}/api/v1/ping`);
    expect(ping.status).toBe(200);
    expect(await ping.json()).toEqual({ ok: true, service: "flightdeck" });
    expect(ping.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ping.headers.get("x-frame-options")).toBe("DENY");

    const variants = new Set<string>();
    let etag = "";
    for (let i = 0; i < 40; i++) {
      const r = await fetch(`${origin}${path}?key=user-${i}`, { headers: auth });
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toBe("private, max-age=5, stale-while-revalidate=30");
      expect(r.headers.get("x-request-id")).toBeTruthy();
      const body = (await r.json()) as { release: { id: string }; variant: string; model: { fallbacks: unknown[] } };
      variants.add(body.variant);
      expect(body.release.id).toBe(body.variant === "canary" ? canary.id : stable.id);
      expect(body.model.fallbacks).toHaveLength(1);
      if (i === 0) etag = r.headers.get("etag")!;
    }
    expect(variants).toEqual(new Set(["stable", "canary"]));
    const again = await fetch(`${origin}${path}?key=user-0`, { headers: { ...auth, "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    const noKey = await fetch(`${origin}${path}?key=x`, { headers: { authorization: "Bearer fd_nope" } });
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get("www-authenticate")).toContain("Bearer");
    const wrongScope = await fetch(`${origin}${path}?key=x`, { headers: { authorization: `Bearer ${await s.runtimeKey(["traces:write"])}` } });
    expect(wrongScope.status).toBe(403);
    const otherProject = await fetch(`${origin}/api/v1/projects/not-${s.project.slug}/environments/production/release`, { headers: auth });
    expect(otherProject.status).toBe(404);
    const unknownEnv = await fetch(`${origin}/api/v1/projects/${s.project.slug}/environments/qa%2Dlab/release`, { headers: auth });
    expect(unknownEnv.status).toBe(404);
    expect(((await unknownEnv.json()) as { error: { message: string } }).error.message).toContain('"qa-lab"');

    // every case answers exactly as the handler inside Next would
    const cases: [string, Record<string, string>][] = [
      ["/api/v1/ping", {}],
      [`${path}?key=user-3`, auth],
      [`${path}?key=user-0`, { ...auth, "if-none-match": etag }],
      [`${path}?key=x`, { authorization: "Bearer fd_nope" }],
      [`/api/v1/projects/not-${s.project.slug}/environments/production/release`, auth],
      [`/api/v1/projects/${s.project.slug}/environments/qa-lab/release`, auth],
      [`${path}?key=${"k".repeat(600)}`, auth],
    ];
    for (const [p, h] of cases) {
      const hot = await partsOf(await fetch(`${origin}${p}`, { headers: h }));
      expect(hot, p).toEqual(await viaNext(p, h));
    }

    await abortCanary(s.admin, "production", { reason: "canary answers are worse" });
    const until = Date.now() + 1_000;
    let after: { release: { id: string }; variant: string } | null = null;
    while (Date.now() < until) {
      after = (await (await fetch(`${origin}${path}?key=user-1`, { headers: auth })).json()) as typeof after;
      if (after!.variant === "stable" && after!.release.id === stable.id) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(after).toMatchObject({ variant: "stable", release: { id: stable.id } });

    fellThrough = [];
    // a person's request (session cookie, no key), other methods and other paths are Next's
    expect((await fetch(`${origin}${path}?key=x`)).status).toBe(599);
    expect((await fetch(`${origin}${path}?key=x`, { method: "POST", headers: auth })).status).toBe(599);
    expect((await fetch(`${origin}/api/v1/projects/${s.project.slug}/environments`, { headers: auth })).status).toBe(599);
    expect(fellThrough).toHaveLength(3);
  });
});
