import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import { POST as tracesRoute } from "../../app/api/v1/traces/route";
import { POST as feedbackRoute } from "../../app/api/v1/feedback/route";
import { processTraceBatch } from "../traces/process";
import { GET as resolveRoute } from "../../app/api/v1/projects/[project]/environments/[env]/release/route";
import { abortCanary, promoteRelease, startCanary } from "../environments/moves";
import { assignVariant } from "../environments/assign";
import { rolloutProject } from "../environments/test-fixtures";
import { compilePrompt } from "../registry/prompts/template";
import { serveRoutes, type RouteHandler } from "../../scripts/test/route-server";
import { createFlightdeck, FlightdeckApiError, type IngestBatch } from "./index";

// The SDK against the running app: the real route handlers (API keys, scopes, zod, error mapping,
// the resolve cache) served over real HTTP by node:http, as Next serves them, on Postgres and Redis.

const execFileAsync = promisify(execFile);

const exchanges: { method: string; path: string; ifNoneMatch?: string; status: number }[] = [];
const served = serveRoutes([
  { method: "POST", path: /^\/api\/v1\/traces$/, handler: tracesRoute as RouteHandler },
  { method: "POST", path: /^\/api\/v1\/feedback$/, handler: feedbackRoute as RouteHandler },
  { method: "GET", path: /^\/api\/v1\/projects\/(?<project>[^/]+)\/environments\/(?<env>[^/]+)\/release$/, handler: resolveRoute as RouteHandler },
], ({ req, url, response }) => exchanges.push({ method: req.method!, path: url.pathname + url.search, ifNoneMatch: req.headers["if-none-match"], status: response.status }));

let origin = "";
beforeAll(async () => {
  origin = await served.start();
});
afterAll(() => served.close());

async function setup() {
  const s = await rolloutProject();
  const key = await s.runtimeKey(["runtime:read", "traces:write"]);
  const fd = (apiKey = key, cacheTtlMs = 60_000) => createFlightdeck({ baseUrl: origin, apiKey, project: s.project.slug, cacheTtlMs });
  return { s, key, fd };
}

describe("getRelease against the resolve route", () => {
  it("resolves stable and a sticky canary per key as the server assigns them, and compiles the prompt as the server does", async () => {
    const { s, fd } = await setup();
    const r1 = await s.release("1.0.0");
    const r2 = await s.release("1.1.0");
    await promoteRelease(s.admin, "production", { release: r1.id });
    await startCanary(s.admin, "production", { release: r2.id, percent: 30 });
    const env = await db().environment.findUniqueOrThrow({ where: { projectId_name: { projectId: s.project.id, name: "production" } } });

    const client = fd();
    const keys = Array.from({ length: 40 }, (_, i) => `user-${i}`);
    const got = await Promise.all(keys.map((key) => client.getRelease("production", { key })));
    const expected = keys.map((key) => assignVariant(env.id, key, 30, true));
    expect(got.map((r) => r.variant)).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set(["stable", "canary"]));
    for (const [i, r] of got.entries()) expect(r.release).toEqual(expected[i] === "canary" ? { id: r2.id, version: "1.1.0" } : { id: r1.id, version: "1.0.0" });
    expect(got[0].model).toMatchObject({ model: "main-model-2026-01", fallbacks: [{ model: "fallback-model-2026-01" }] });
    expect(got[0].retrieval).toBeNull();

    const prompt = got[0].prompts.answer;
    expect(client.compile(prompt, { customer: "Acme" })).toEqual({ messages: [{ role: "system", content: "You help Acme with orders." }] });
    expect(client.compile(prompt, { customer: "Acme" })).toEqual(compilePrompt(prompt, { customer: "Acme" }));
    expect(() => client.compile(prompt, {})).toThrow(/"customer" is required/);
  });

  it("revalidates with If-None-Match (the server's 304) and follows a change of pointer on the next refresh", async () => {
    const { s, fd } = await setup();
    const r1 = await s.release("1.0.0");
    const r2 = await s.release("1.1.0");
    await promoteRelease(s.admin, "production", { release: r1.id });
    await startCanary(s.admin, "production", { release: r2.id, percent: 99 });
    const env = await db().environment.findUniqueOrThrow({ where: { projectId_name: { projectId: s.project.id, name: "production" } } });
    const key = Array.from({ length: 200 }, (_, i) => `k${i}`).find((k) => assignVariant(env.id, k, 99, true) === "canary")!;

    const client = fd(undefined, 0); // always stale: every call refreshes in the background
    expect((await client.getRelease("production", { key })).variant).toBe("canary");
    exchanges.length = 0;
    expect((await client.getRelease("production", { key })).variant).toBe("canary");
    await vi.waitFor(() => expect(exchanges.some((x) => x.status === 304 && x.ifNoneMatch)).toBe(true));

    await abortCanary(s.admin, "production", { reason: "test" });
    await vi.waitFor(async () => expect(await client.getRelease("production", { key })).toMatchObject({ variant: "stable", release: { id: r1.id } }), { timeout: 5_000 });
  });

  it("throws typed errors for a bad key (401), a key without runtime:read (403) and an unknown environment (404)", async () => {
    const { s, fd } = await setup();
    await promoteRelease(s.admin, "production", { release: (await s.release("1.0.0")).id });
    const tracesOnly = await s.runtimeKey(["traces:write"]);
    const status = async (p: Promise<unknown>) => {
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FlightdeckApiError);
      return [(err as FlightdeckApiError).status, (err as FlightdeckApiError).code];
    };
    expect(await status(fd("fd_not_a_key").getRelease("production"))).toEqual([401, "UNAUTHENTICATED"]);
    expect(await status(fd(tracesOnly).getRelease("production"))).toEqual([403, "FORBIDDEN"]);
    expect(await status(fd().getRelease("qa"))).toEqual([404, "NOT_FOUND"]);
  });
});

describe("scripts/sdk-example.ts", () => {
  it("resolves, compiles and sends a trace against the app", async () => {
    const { s, key } = await setup();
    await promoteRelease(s.admin, "production", { release: (await s.release("2.0.0")).id });
    const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", "scripts/sdk-example.ts", "user-7"], {
      env: { ...process.env, FLIGHTDECK_URL: origin, FLIGHTDECK_API_KEY: key, FLIGHTDECK_PROJECT: s.project.slug },
    });
    expect(stdout).toContain("release 2.0.0");
    expect(stdout).toContain("variant stable");
    expect(stdout).toContain("[system] You help <customer> with orders.");
    expect(stdout).toMatch(/trace sent: batch \S+ \(1 trace, 1 span\)/);
    const stored = await db().traceBatch.findMany({ where: { projectId: s.project.id } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored[0].payload)).toContain("sdk-example");
  });
});

describe("sendTraces against POST /api/v1/traces", () => {
  const batch = (traceId: string, endTime = "2026-11-24T08:00:01.500Z"): IngestBatch => ({
    traces: [
      {
        traceId, name: "answer", environment: "production", release: { id: "rel_x", variant: "canary" }, endUserId: "customer-42",
        spans: [
          { spanId: "root", kind: "planning", name: "agent", status: "ok", startTime: "2026-11-24T08:00:00.000Z", endTime },
          {
            spanId: "llm", parentSpanId: "root", kind: "llm", name: "chat", status: "ok", startTime: "2026-11-24T08:00:00.100Z", endTime,
            attributes: { model: "main-model-2026-01", inputTokens: 100, outputTokens: 20 }, input: "Mail me at jane.doe@example.com", output: "Sure.",
          },
        ],
      },
    ],
  });

  it("returns the 202 answer, and the batch is stored scrubbed", async () => {
    const { s, fd } = await setup();
    const result = await fd().sendTraces(batch("trace-1"));
    expect(result).toEqual({ batchId: expect.any(String), traces: 1, spans: 2 });
    expect(exchanges.at(-1)).toMatchObject({ method: "POST", path: "/api/v1/traces", status: 202 });
    const stored = await db().traceBatch.findMany({ where: { projectId: s.project.id } });
    expect(stored.map((b) => b.id)).toContain(result.batchId);
    expect(JSON.stringify(stored.map((b) => b.payload))).not.toContain("jane.doe@example.com");
  });

  it("throws the server's 422 with its issues, and 403 for a key without traces:write", async () => {
    const { s, fd } = await setup();
    const bad = await fd().sendTraces(batch("trace-2", "2026-11-24T07:00:00.000Z")).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(FlightdeckApiError);
    expect(bad).toMatchObject({ status: 422, code: "VALIDATION" });
    expect((bad as FlightdeckApiError).issues?.map((i) => i.message)).toContain("endTime is before startTime");
    expect((bad as FlightdeckApiError).message).toContain("endTime is before startTime");

    const readOnly = await s.runtimeKey(["runtime:read"]);
    await expect(fd(readOnly).sendTraces(batch("trace-3"))).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(await db().traceBatch.count({ where: { projectId: s.project.id } })).toBe(0);
  });
});

describe("scripts/sdk-example.ts with FLIGHTDECK_FEEDBACK", () => {
  it("sends the end user's feedback on its trace once the trace is stored", async () => {
    const { s } = await setup();
    await promoteRelease(s.admin, "production", { release: (await s.release("2.0.0")).id });
    const key = await s.runtimeKey(["runtime:read", "traces:write", "feedback:write"]);
    // the worker's part: store each batch the example sends
    let stop = false;
    const worker = (async () => {
      while (!stop) {
        for (const b of await db().traceBatch.findMany({ where: { projectId: s.project.id, status: "queued" }, select: { id: true } })) await processTraceBatch(s.project.id, b.id);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", "scripts/sdk-example.ts", "user-8"], {
        env: { ...process.env, FLIGHTDECK_URL: origin, FLIGHTDECK_API_KEY: key, FLIGHTDECK_PROJECT: s.project.slug, FLIGHTDECK_FEEDBACK: "down" },
      });
      expect(stdout).toMatch(/feedback recorded: thumbs down on trace \S+ \(negative\)/);
    } finally {
      stop = true;
      await worker;
    }
    expect(await db().feedback.findMany({ where: { projectId: s.project.id } })).toMatchObject([{ sourceId: "example:user-8", negative: true, comment: "sent by scripts/sdk-example.ts" }]);
  });
});

describe("feedback against POST /api/v1/feedback", () => {
  it("retries while the trace is not stored yet, records it once processed, replaces it when sent again, and 403s a key without feedback:write", async () => {
    const { s, fd } = await setup();
    const key = await s.runtimeKey(["traces:write", "feedback:write"]);
    const client = createFlightdeck({ baseUrl: origin, apiKey: key, project: s.project.slug, feedbackRetry: { notFoundAttempts: 10, notFoundDelayMs: 50 } });
    const sent = await client.sendTraces({
      traces: [{ traceId: "fb-trace", environment: "production", release: { id: "rel_x", variant: "canary" }, spans: [
        { spanId: "root", kind: "llm", name: "chat", status: "ok", startTime: "2026-11-24T08:00:00.000Z", endTime: "2026-11-24T08:00:01.000Z" },
      ] }],
    });
    // the user clicks thumbs down before the worker has stored the trace: the SDK keeps asking
    const pending = client.feedback({ traceId: "fb-trace", value: { thumbs: "down" }, comment: "الإجابة خاطئة", sourceId: "user-1" });
    await new Promise((r) => setTimeout(r, 120));
    await processTraceBatch(s.project.id, sent.batchId);
    const first = await pending;
    expect(first).toMatchObject({ created: true, feedback: { traceId: "fb-trace", negative: true, comment: "الإجابة خاطئة", releaseId: "rel_x", variant: "canary" } });
    const tries = exchanges.filter((e) => e.path === "/api/v1/feedback");
    expect(tries.length).toBeGreaterThan(1);
    expect(tries.at(0)?.status).toBe(404);
    expect(tries.at(-1)?.status).toBe(201);

    const again = await client.feedback({ traceId: "fb-trace", value: { score: 4 }, sourceId: "user-1" });
    expect(again).toMatchObject({ created: false, feedback: { id: first.feedback.id, value: { score: 4, min: 1, max: 5 }, negative: false, comment: null } });
    expect(await db().feedback.count({ where: { projectId: s.project.id } })).toBe(1);
    await expect(fd().feedback({ traceId: "fb-trace", value: { thumbs: "up" } })).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
  });
});
