import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFlightdeck, FlightdeckApiError, FlightdeckUnavailableError, type FlightdeckOptions } from "./index";
import { resolvedRelease } from "./fixtures";
import { closedPortUrl, errorBody, json, startTestServer } from "./test-server";

// getRelease against a loopback server speaking the resolve endpoint's contract: 200 with an ETag,
// 304 on a matching If-None-Match, errors as { error: { code, message } }.

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const client = (extra: Partial<FlightdeckOptions> = {}) => createFlightdeck({ baseUrl: `${server.url}/`, apiKey: "fd_test_key", project: "support", ...extra });

/** Serves `current()` with ETag "<version>/<variant>", and 304 when If-None-Match matches it. */
function serveReleases(current: (key: string | null) => ReturnType<typeof resolvedRelease>) {
  server.setHandler((req, res) => {
    const key = new URL(req.url, "http://x").searchParams.get("key");
    const body = current(key);
    const etag = `"${body.release.version}/${body.variant}"`;
    const tags = String(req.headers["if-none-match"] ?? "").split(",").map((t) => t.trim());
    if (tags.includes(etag)) return void res.writeHead(304, { etag }).end();
    json(res, 200, body, { etag, "cache-control": "max-age=5, stale-while-revalidate=60" });
  });
}

describe("getRelease", () => {
  it("asks the resolve endpoint with the key and the API key, and serves the answer from memory while fresh", async () => {
    serveReleases(() => resolvedRelease("1.0.0"));
    const fd = client();
    const first = await fd.getRelease("production", { key: "user 42/ä" });
    expect(first).toEqual(resolvedRelease("1.0.0"));
    expect(await fd.getRelease("production", { key: "user 42/ä" })).toEqual(first);
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req.method).toBe("GET");
    expect(new URL(req.url, "http://x").pathname).toBe("/api/v1/projects/support/environments/production/release");
    expect(new URL(req.url, "http://x").searchParams.get("key")).toBe("user 42/ä");
    expect(req.headers.authorization).toBe("Bearer fd_test_key");
    expect(req.headers["if-none-match"]).toBeUndefined();
  });

  it("caches per request key: each key gets the variant the server assigned it", async () => {
    serveReleases((key) => resolvedRelease("2.0.0", key === "canary-user" ? "canary" : "stable"));
    const fd = client();
    expect((await fd.getRelease("production", { key: "canary-user" })).variant).toBe("canary");
    expect((await fd.getRelease("production", { key: "stable-user" })).variant).toBe("stable");
    expect((await fd.getRelease("production")).variant).toBe("stable");
    expect((await fd.getRelease("production", { key: "canary-user" })).variant).toBe("canary");
    expect(server.requests.map((r) => new URL(r.url, "http://x").searchParams.get("key"))).toEqual(["canary-user", "stable-user", null]);
  });

  it("when stale, answers from memory at once and revalidates in the background with If-None-Match (304 keeps the value)", async () => {
    serveReleases(() => resolvedRelease("1.0.0"));
    const fd = client({ cacheTtlMs: 40 });
    await fd.getRelease("production", { key: "k" });
    await sleep(60);
    let release: number | undefined;
    server.setHandler(async (req, res) => {
      await sleep(100); // a slow server: the stale answer must not wait for it
      release = Date.now();
      expect(req.headers["if-none-match"]).toBe('"1.0.0/stable"');
      res.writeHead(304, { etag: '"1.0.0/stable"' }).end();
    });
    const started = Date.now();
    expect((await fd.getRelease("production", { key: "k" })).release.version).toBe("1.0.0");
    expect(Date.now() - started).toBeLessThan(80);
    await vi.waitFor(() => expect(release).toBeDefined());
    await sleep(10);
    // the 304 made the entry fresh again: no further request within the TTL
    expect((await fd.getRelease("production", { key: "k" })).release.version).toBe("1.0.0");
    expect(server.requests).toHaveLength(1);
  });

  it("picks up a new release on the background refresh and serves it from the next call", async () => {
    let version = "1.0.0";
    serveReleases(() => resolvedRelease(version));
    const fd = client({ cacheTtlMs: 30 });
    await fd.getRelease("production", { key: "k" });
    version = "1.1.0";
    await sleep(50);
    expect((await fd.getRelease("production", { key: "k" })).release.version).toBe("1.0.0");
    await vi.waitFor(async () => expect((await fd.getRelease("production", { key: "k" })).release.version).toBe("1.1.0"));
    expect(server.requests.filter((r) => r.headers["if-none-match"] === '"1.0.0/stable"').length).toBeGreaterThanOrEqual(1);
  });

  it("keeps one body per ETag: a new key is asked with every known ETag and a 304 names the answer to reuse", async () => {
    serveReleases((key) => resolvedRelease("4.0.0", key?.startsWith("c") ? "canary" : "stable"));
    const fd = client();
    const s1 = await fd.getRelease("production", { key: "s1" });
    const c1 = await fd.getRelease("production", { key: "c1" });
    const s2 = await fd.getRelease("production", { key: "s2" });
    const c2 = await fd.getRelease("production", { key: "c2" });
    expect([s1.variant, c1.variant, s2.variant, c2.variant]).toEqual(["stable", "canary", "stable", "canary"]);
    expect(s2).toBe(s1);
    expect(c2).toBe(c1);
    expect(() => {
      (s1.prompts.answer.params as Record<string, unknown>).temperature = 1;
    }).toThrow(TypeError);
    const mine = server.requests.filter((r) => /key=[sc][12]$/.test(r.url));
    const sent = mine.map((r) => (r.headers["if-none-match"] ?? "").split(", ").filter(Boolean).sort());
    expect(sent).toEqual([[], ['"4.0.0/stable"'], ['"4.0.0/canary"', '"4.0.0/stable"'], ['"4.0.0/canary"', '"4.0.0/stable"']]);
  });

  it("asks again without conditions when a 304 does not say which answer it stands for", async () => {
    let etag: string | undefined = '"x"';
    server.setHandler((req, res) => {
      if (req.headers["if-none-match"]) return void res.writeHead(304).end();
      json(res, 200, resolvedRelease(etag === '"x"' ? "1.0.0" : "1.0.1"), etag ? { etag } : {});
    });
    const fd = client();
    await fd.getRelease("production", { key: "a" });
    etag = '"y"';
    expect((await fd.getRelease("production", { key: "b" })).release.version).toBe("1.0.1");
    const mine = server.requests.filter((r) => /key=[ab]$/.test(r.url));
    expect(mine.map((r) => r.headers["if-none-match"] ?? null)).toEqual([null, '"x"', null]);
  });

  it("shares one request among concurrent misses of the same key", async () => {
    server.setHandler(async (_req, res) => {
      await sleep(30);
      json(res, 200, resolvedRelease("1.0.0"), { etag: '"a"' });
    });
    const fd = client();
    const all = await Promise.all(Array.from({ length: 10 }, () => fd.getRelease("production", { key: "same" })));
    expect(new Set(all.map((r) => r.release.version))).toEqual(new Set(["1.0.0"]));
    // (filtered by key: an earlier test's client may still be refreshing in the background)
    expect(server.requests.filter((r) => r.url.endsWith("key=same"))).toHaveLength(1);
  });

  it("bounds the per-key cache: the least recently used key is forgotten first", async () => {
    serveReleases(() => resolvedRelease("1.0.0"));
    const fd = client({ cacheMaxEntries: 3 });
    for (const key of ["a", "b", "c"]) await fd.getRelease("production", { key });
    await fd.getRelease("production", { key: "a" }); // a is now the most recent: b goes first
    await fd.getRelease("production", { key: "d" });
    await fd.getRelease("production", { key: "e" }); // evicts c
    server.requests.length = 0;
    for (const key of ["a", "d", "e"]) await fd.getRelease("production", { key });
    expect(server.requests).toHaveLength(0);
    for (const key of ["b", "c"]) await fd.getRelease("production", { key });
    expect(server.requests).toHaveLength(2);
  });

  it("keeps memory flat with many keys", async () => {
    serveReleases(() => resolvedRelease("1.0.0"));
    const fd = client({ cacheMaxEntries: 50 });
    for (let i = 0; i < 400; i++) await fd.getRelease("production", { key: `user-${i}` });
    server.requests.length = 0;
    for (let i = 350; i < 400; i++) await fd.getRelease("production", { key: `user-${i}` });
    expect(server.requests).toHaveLength(0);
    await fd.getRelease("production", { key: "user-0" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("getRelease when the server cannot answer", () => {
  const fallback = { ...resolvedRelease("0.9.0-fallback"), variant: undefined };

  it("serves the environment's fallback bundle on a 5xx with nothing cached, and asks again next time", async () => {
    server.setHandler((_req, res) => json(res, 503, errorBody("UNAVAILABLE", "database is down")));
    const onError = vi.fn();
    const fd = client({ fallback: { production: fallback }, onError });
    const got = await fd.getRelease("production", { key: "k" });
    expect(got.release.version).toBe("0.9.0-fallback");
    expect(got.variant).toBe("stable");
    expect(onError).toHaveBeenCalledWith(expect.any(FlightdeckUnavailableError), { env: "production", key: "k", served: "fallback" });
    expect(onError.mock.calls[0][0].status).toBe(503);
    serveReleases(() => resolvedRelease("1.0.0"));
    expect((await fd.getRelease("production", { key: "k" })).release.version).toBe("1.0.0");
  });

  it("serves the fallback when the server is unreachable, and throws FlightdeckUnavailableError for an environment without one", async () => {
    const fd = createFlightdeck({ baseUrl: await closedPortUrl(), apiKey: "k", project: "support", fallback: { production: fallback } });
    expect((await fd.getRelease("production", { key: "k" })).release.version).toBe("0.9.0-fallback");
    const err = await fd.getRelease("staging").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FlightdeckUnavailableError);
    expect((err as Error).message).toMatch(/could not be reached/);
  });

  it("treats a 200 that is not JSON (a proxy's page) as unreachable", async () => {
    server.setHandler((_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<html>captive portal</html>"));
    expect((await client({ fallback: { production: fallback } }).getRelease("production")).release.version).toBe("0.9.0-fallback");
    await expect(client().getRelease("production")).rejects.toBeInstanceOf(FlightdeckUnavailableError);
  });

  it("times out a hanging server and serves the fallback", async () => {
    server.setHandler(() => undefined); // never answers
    const fd = client({ timeoutMs: 100, fallback: { production: fallback } });
    expect((await fd.getRelease("production")).release.version).toBe("0.9.0-fallback");
  });

  it("keeps serving the stale value when a background refresh fails with a 5xx", async () => {
    serveReleases(() => resolvedRelease("1.0.0"));
    const onError = vi.fn();
    const fd = client({ cacheTtlMs: 20, onError, fallback: { production: fallback } });
    await fd.getRelease("production", { key: "k" });
    await sleep(40);
    server.setHandler((_req, res) => json(res, 502, errorBody("INTERNAL", "bad gateway")));
    expect((await fd.getRelease("production", { key: "k" })).release.version).toBe("1.0.0");
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(expect.any(FlightdeckUnavailableError), { env: "production", key: "k", served: "stale" }));
    expect((await fd.getRelease("production", { key: "k" })).release.version).toBe("1.0.0");
  });

  it.each([
    [401, "UNAUTHENTICATED", "Missing or invalid credentials."],
    [403, "FORBIDDEN", "This API key lacks runtime:read."],
    [404, "NOT_FOUND", 'Environment "prod" not found.'],
  ])("throws a typed FlightdeckApiError on %i, even with a fallback", async (status, code, message) => {
    server.setHandler((_req, res) => json(res, status, errorBody(code, message)));
    const err = await client({ fallback: { production: fallback } }).getRelease("production").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FlightdeckApiError);
    expect(err).toMatchObject({ status, code, message, requestId: "req-test" });
  });

  it("drops a cached release when the background refresh is refused (401), so the next call throws", async () => {
    serveReleases(() => resolvedRelease("1.0.0"));
    const onError = vi.fn();
    const fd = client({ cacheTtlMs: 20, onError });
    await fd.getRelease("production", { key: "k" });
    await sleep(40);
    server.setHandler((_req, res) => json(res, 401, errorBody("UNAUTHENTICATED", "Missing or invalid credentials.")));
    expect((await fd.getRelease("production", { key: "k" })).release.version).toBe("1.0.0");
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(expect.any(FlightdeckApiError), { env: "production", key: "k", served: "evicted" }));
    await expect(fd.getRelease("production", { key: "k" })).rejects.toMatchObject({ status: 401 });
  });
});
