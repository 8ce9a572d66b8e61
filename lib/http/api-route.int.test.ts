import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "../db";
import { makeProject } from "../../scripts/test/fixtures";
import { createApiKey, revokeApiKey } from "../apikeys/service";
import { apiRoute } from "./api-route";
import { defineContract } from "./contract";
import { GET as getProject } from "../../app/api/v1/project/route";
import { GET as listKeys } from "../../app/api/v1/api-keys/route";
import { DELETE as revokeKeyRoute } from "../../app/api/v1/api-keys/[id]/route";

// The real wrapper and real route handlers, real API keys in PostgreSQL; only the HTTP server is
// left out (the e2e layer covers that).

const noParams = { params: Promise.resolve({}) };
const call = (handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, req: Request, params = {}) =>
  handler(req, { params: Promise.resolve(params) });

// a body-taking route that an API key may call, to exercise parsing the way future routes will
const echoContract = defineContract({
  method: "POST", path: "/test/echo", tag: "Test", summary: "echo", permission: "registry:write", maxBodyBytes: 200,
  body: z.object({ name: z.string().min(1), count: z.number().int().max(10) }).strict(),
  response: z.object({ projectId: z.string() }),
});
const echo = apiRoute(echoContract, async ({ principal, body }) => {
  await db().organization.create({ data: { name: `echo ${body.name}` } });
  return { projectId: principal.projectId };
});

async function keyFor(scopes: ("registry:read" | "registry:write")[]) {
  const p = await makeProject(["ADMIN"]);
  const key = await createApiKey(p.as("ADMIN"), { name: "t", scopes });
  return { ...p, key, auth: { authorization: `Bearer ${key.token}` } };
}

const post = (headers: Record<string, string>, body: string) =>
  new Request("http://x/test/echo", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("public API wrapper", () => {
  it("serves a new key at once and says who called", async () => {
    const { key, auth, project } = await keyFor(["registry:read"]);
    const res = await call(getProject, new Request("http://x/api/v1/project", { headers: auth }));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(await res.json()).toMatchObject({ project: { slug: project.slug }, caller: { kind: "apiKey", scopes: ["registry:read"] } });
    expect(key.scopes).toEqual(["registry:read"]);
  });

  it("answers 401 alike for unknown, malformed, revoked and expired keys", async () => {
    const { key, auth, as } = await keyFor(["registry:read"]);
    await revokeApiKey(as("ADMIN"), key.id);
    const expired = await keyFor(["registry:read"]);
    await db().apiKey.update({ where: { id: expired.key.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const bodies = [];
    for (const authorization of [auth.authorization, expired.auth.authorization, "Bearer fdk_00000000_" + "x".repeat(43), "Bearer nonsense", "Basic abc"]) {
      const res = await call(getProject, new Request("http://x/api/v1/project", { headers: { authorization } }));
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      bodies.push((await res.json()).error.message);
    }
    expect(new Set(bodies).size).toBe(1);
  });

  it("answers 403 when the key's scopes do not allow the route, and records no use", async () => {
    const { auth, key } = await keyFor(["registry:read"]);
    const res = await call(listKeys, new Request("http://x/api/v1/api-keys", { headers: auth }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain("apikeys:read");
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toBeNull();
    expect((await call(getProject, new Request("http://x/api/v1/project", { headers: auth }))).status).toBe(200);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).not.toBeNull();
  });

  it("stops reading a chunked body at the limit", async () => {
    const { auth } = await keyFor(["registry:write"]);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 50; i++) controller.enqueue(new TextEncoder().encode('{"name":"' + "x".repeat(20)));
        controller.close();
      },
    });
    const req = new Request("http://x/test/echo", { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    const res = await echo(req, noParams);
    expect(res.status).toBe(413);
  });

  it("keeps keys out of key management for any project, including another project's keys", async () => {
    const a = await keyFor(["registry:read"]);
    const b = await makeProject(["ADMIN"]);
    const other = await createApiKey(b.as("ADMIN"), { name: "x", scopes: ["registry:read"] });
    // 404 for another project's object is enforced by the services for every caller (see
    // apikeys.int.test.ts and members.int.test.ts); here the missing scope answers first
    const res = await call(revokeKeyRoute, new Request(`http://x/api/v1/api-keys/${other.id}`, { method: "DELETE", headers: a.auth }), { id: other.id });
    expect(res.status).toBe(403);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: other.id } })).revokedAt).toBeNull();
  });

  it("rejects bad bodies with 400/413/415/422 naming the problem, and writes nothing", async () => {
    const { auth } = await keyFor(["registry:write"]);
    const before = await db().organization.count();
    const cases: [Request, number, RegExp][] = [
      [post(auth, "{not json"), 400, /not valid JSON/],
      [post(auth, ""), 400, /empty/],
      [post(auth, JSON.stringify({ name: "x".repeat(300), count: 1 })), 413, /200 byte limit/],
      [new Request("http://x/test/echo", { method: "POST", headers: { ...auth, "content-type": "text/plain" }, body: "hi" }), 415, /application\/json/],
      [post(auth, JSON.stringify({ name: "ok", count: "3" })), 422, /count/],
      [post(auth, JSON.stringify({ name: "ok", count: 3, admin: true })), 422, /admin|Unrecognized/i],
      [post(auth, JSON.stringify({ name: "", count: 99 })), 422, /name.*count|count.*name/],
    ];
    for (const [req, status, message] of cases) {
      const res = await echo(req, noParams);
      const body = await res.json();
      expect(res.status, body.error.message).toBe(status);
      expect(body.error.message).toMatch(message);
    }
    expect(await db().organization.count()).toBe(before);
    const ok = await echo(post(auth, JSON.stringify({ name: "fine", count: 2 })), noParams);
    expect(ok.status).toBe(200);
    expect(await db().organization.count()).toBe(before + 1);
  });

  it("serves /projects/{project}/… only for the key's own project; another slug is 404", async () => {
    const a = await keyFor(["registry:read"]);
    const b = await makeProject(["ADMIN"]);
    const scoped = apiRoute(
      defineContract({
        method: "GET", path: "/api/v1/projects/{project}/thing", tag: "Test", summary: "t", permission: "registry:read",
        params: z.object({ project: z.string() }), response: z.object({ projectId: z.string() }),
      }),
      async ({ principal }) => ({ projectId: principal.projectId }),
    );
    const own = await call(scoped, new Request("http://x", { headers: a.auth }), { project: a.project.slug });
    expect(own.status).toBe(200);
    expect((await own.json()).projectId).toBe(a.project.id);
    const other = await call(scoped, new Request("http://x", { headers: a.auth }), { project: b.project.slug });
    expect(other.status).toBe(404);
    const missing = await call(scoped, new Request("http://x", { headers: a.auth }), { project: "no-such-project" });
    expect(missing.status).toBe(404);
  });
});
