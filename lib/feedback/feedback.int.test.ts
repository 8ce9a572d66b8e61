import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createApiKey } from "../apikeys/service";
import { makeProject, uid } from "../../scripts/test/fixtures";
import { serveRoutes, type RouteHandler } from "../../scripts/test/route-server";
import { POST as feedbackRoute } from "../../app/api/v1/feedback/route";
import { GET as detailRoute } from "../../app/api/v1/projects/[project]/traces/[traceId]/route";
import { GET as listRoute } from "../../app/api/v1/projects/[project]/traces/route";

// POST /api/v1/feedback over real HTTP against the real route handler, Postgres and the API keys:
// one row per (trace, source) however often it is sent, the trace's release copied onto it, and
// every refusal (unknown trace, bad score, missing scope, another project's trace) writes nothing.

const served = serveRoutes([
  { method: "POST", path: /^\/api\/v1\/feedback$/, handler: feedbackRoute as RouteHandler },
  { method: "GET", path: /^\/api\/v1\/projects\/(?<project>[^/]+)\/traces$/, handler: listRoute as RouteHandler },
  { method: "GET", path: /^\/api\/v1\/projects\/(?<project>[^/]+)\/traces\/(?<traceId>[^/]+)$/, handler: detailRoute as RouteHandler },
]);
let origin = "";
beforeAll(async () => {
  origin = await served.start();
});
afterAll(() => served.close());

async function feedbackProject() {
  const p = await makeProject(["ADMIN"]);
  const admin = p.as("ADMIN");
  const writer = (await createApiKey(admin, { name: "app", scopes: ["feedback:write", "traces:read"] })).token;
  const tracesOnly = (await createApiKey(admin, { name: "traces", scopes: ["traces:write", "traces:read"] })).token;
  const trace = async (traceId: string, extra: { environment?: string; releaseId?: string; variant?: string } = {}) => {
    const startTime = new Date(Date.now() - 60_000);
    await db().trace.create({ data: { projectId: p.project.id, traceId, startTime, endTime: new Date(), status: "ok", ...extra } });
  };
  return { ...p, writer, tracesOnly, trace };
}

const post = (token: string, body: unknown) =>
  fetch(`${origin}/api/v1/feedback`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
const get = (token: string, path: string) => fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}` } });
const rows = (projectId: string) => db().feedback.findMany({ where: { projectId } });

describe("POST /api/v1/feedback", () => {
  it("creates feedback (201) with the trace's release copied, and the same body again is one row (200)", async () => {
    const p = await feedbackProject();
    await p.trace("t-1", { environment: "production", releaseId: "rel-9", variant: "canary" });
    const body = { traceId: "t-1", value: { thumbs: "down" }, comment: "Wrong refund amount", sourceId: "widget-7" };

    const first = await post(p.writer, body);
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({
      traceId: "t-1", sourceId: "widget-7", value: { thumbs: "down" }, negative: true, comment: "Wrong refund amount", correction: null,
      environment: "production", releaseId: "rel-9", variant: "canary",
    });

    const again = await post(p.writer, body);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(created.id);
    expect(await rows(p.project.id)).toHaveLength(1);
  });

  it("replaces what a source said before (200), keeps sources apart, and defaults the source to the key", async () => {
    const p = await feedbackProject();
    await p.trace("t-2");
    expect((await post(p.writer, { traceId: "t-2", value: { thumbs: "up" }, sourceId: "u-1" })).status).toBe(201);
    const changed = await post(p.writer, { traceId: "t-2", value: { score: 2 }, correction: "Refunds take 5 days.", sourceId: "u-1" });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ value: { score: 2, min: 1, max: 5 }, negative: true, correction: "Refunds take 5 days.", comment: null });

    const byKey = await post(p.writer, { traceId: "t-2", value: { score: 3 } });
    expect(byKey.status).toBe(201);
    const key = await db().apiKey.findFirstOrThrow({ where: { projectId: p.project.id, name: "app" } });
    // 3 of 1–5 is the middle: not negative
    expect(await byKey.json()).toMatchObject({ sourceId: key.id, negative: false });

    const stored = await rows(p.project.id);
    expect(stored).toHaveLength(2);
    expect(stored.find((r) => r.sourceId === "u-1")).toMatchObject({ kind: "score", value: 2, scaleMin: 1, scaleMax: 5, negative: true, actorType: "apiKey", actorId: key.id });
  });

  it("scrubs personal data from the comment and keeps an e-mail source only as a hash, still one row per source", async () => {
    const p = await feedbackProject();
    await p.trace("t-3");
    const body = { traceId: "t-3", value: { thumbs: "down" }, comment: "Mail me at jane.doe@example.com please", sourceId: "jane.doe@example.com" };
    const res = await post(p.writer, body);
    expect(res.status).toBe(201);
    const f = await res.json();
    expect(f.comment).not.toContain("jane.doe@example.com");
    expect(f.comment).toContain("Mail me at");
    expect(f.sourceId).toMatch(/^hash:[0-9a-f]{32}$/);
    expect((await post(p.writer, body)).status).toBe(200);
    expect(await rows(p.project.id)).toHaveLength(1);
  });

  it("answers 404 for a trace not stored yet, saying to retry, and for another project's trace; nothing is written", async () => {
    const p = await feedbackProject();
    const other = await feedbackProject();
    await other.trace("theirs");
    const unknown = await post(p.writer, { traceId: `nope-${uid()}`, value: { thumbs: "up" } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toMatch(/stored a few seconds after it is sent: retry/);
    expect((await post(p.writer, { traceId: "theirs", value: { thumbs: "up" } })).status).toBe(404);
    expect(await rows(p.project.id)).toHaveLength(0);
    expect(await rows(other.project.id)).toHaveLength(0);
  });

  it("refuses a score outside its scale, a scale with min ≥ max and an unknown shape with 422 naming the field", async () => {
    const p = await feedbackProject();
    await p.trace("t-4");
    const outside = await post(p.writer, { traceId: "t-4", value: { score: 7 } });
    expect(outside.status).toBe(422);
    expect(JSON.stringify((await outside.json()).error.issues)).toContain("between 1 and 5");
    const custom = await post(p.writer, { traceId: "t-4", value: { score: 7, min: 0, max: 10 } });
    expect(custom.status).toBe(201);
    expect(await custom.json()).toMatchObject({ value: { score: 7, min: 0, max: 10 }, negative: false });
    const inverted = await post(p.writer, { traceId: "t-4", value: { score: 3, min: 5, max: 1 }, sourceId: "s2" });
    expect(inverted.status).toBe(422);
    expect(JSON.stringify((await inverted.json()).error.issues)).toContain("greater than min");
    expect((await post(p.writer, { traceId: "t-4", value: { stars: 3 }, sourceId: "s3" })).status).toBe(422);
    expect((await post(p.writer, { traceId: "t-4", value: { thumbs: "sideways" }, sourceId: "s4" })).status).toBe(422);
    expect(await rows(p.project.id)).toHaveLength(1);
  });

  it("refuses a key without feedback:write (403) and a body over the size limit (413)", async () => {
    const p = await feedbackProject();
    await p.trace("t-5");
    const denied = await post(p.tracesOnly, { traceId: "t-5", value: { thumbs: "up" } });
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.message).toContain("feedback:write");
    const huge = await post(p.writer, { traceId: "t-5", value: { thumbs: "up" }, correction: "x".repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    expect(await rows(p.project.id)).toHaveLength(0);
  });
});

describe("feedback on the trace API", () => {
  it("lists each trace's feedback counts, filters to negative feedback, and shows the feedback on the detail", async () => {
    const p = await feedbackProject();
    await p.trace("happy");
    await p.trace("unhappy");
    await p.trace("silent");
    await post(p.writer, { traceId: "happy", value: { thumbs: "up" }, sourceId: "a" });
    await post(p.writer, { traceId: "unhappy", value: { thumbs: "up" }, sourceId: "a" });
    await post(p.writer, { traceId: "unhappy", value: { score: 1 }, comment: "useless", sourceId: "b" });
    const base = `/api/v1/projects/${p.project.slug}/traces`;

    const all = await (await get(p.writer, base)).json();
    const counts = Object.fromEntries(all.traces.map((t: { traceId: string; feedback: unknown }) => [t.traceId, t.feedback]));
    expect(counts).toEqual({ happy: { count: 1, negative: 0 }, unhappy: { count: 2, negative: 1 }, silent: { count: 0, negative: 0 } });

    const ids = async (q: string) => (await (await get(p.writer, `${base}?${q}`)).json()).traces.map((t: { traceId: string }) => t.traceId);
    expect(await ids("feedback=negative")).toEqual(["unhappy"]);
    expect((await ids("feedback=any")).sort()).toEqual(["happy", "unhappy"]);
    expect(await ids("feedback=none")).toEqual(["silent"]);
    expect((await get(p.writer, `${base}?feedback=bad`)).status).toBe(422);

    const detail = await (await get(p.writer, `${base}/unhappy`)).json();
    expect(detail.feedback).toEqual({ count: 2, negative: 1 });
    expect(detail.feedbackItems).toHaveLength(2);
    expect(detail.feedbackItems.find((f: { sourceId: string }) => f.sourceId === "b")).toMatchObject({ value: { score: 1, min: 1, max: 5 }, negative: true, comment: "useless" });
  });
});
