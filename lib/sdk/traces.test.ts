import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlightdeck, FlightdeckApiError, FlightdeckUnavailableError, type FlightdeckOptions, type IngestBatch } from "./index";
import { closedPortUrl, errorBody, json, startTestServer } from "./test-server";

// sendTraces against a loopback server speaking POST /api/v1/traces: 202 { batchId, traces, spans },
// 429 with Retry-After, 5xx, and the 4xx answers that must not be retried.

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const client = (extra: Partial<FlightdeckOptions> = {}) =>
  createFlightdeck({ baseUrl: server.url, apiKey: "fd_test_key", project: "support", retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...extra });

const now = new Date("2026-11-24T08:00:00.000Z");
const batch: IngestBatch = {
  traces: [
    {
      traceId: "t-1",
      name: "answer",
      environment: "production",
      release: { id: "rel_1", variant: "canary" },
      spans: [
        {
          spanId: "s-1", kind: "llm", name: "chat", status: "ok", startTime: now.toISOString(), endTime: new Date(+now + 1200).toISOString(),
          attributes: { model: "gpt-4o", inputTokens: 120, outputTokens: 30 }, input: "hi", output: "hello",
        },
      ],
    },
  ],
};
const accepted = { batchId: "b_1", traces: 1, spans: 1 };

/** Answers with each of `statuses` in turn (then 202); 429s carry `retryAfter`. */
function answerInTurn(statuses: number[], retryAfter?: string) {
  let i = 0;
  server.setHandler((_req, res) => {
    const status = statuses[i++] ?? 202;
    if (status === 202) return json(res, 202, accepted);
    json(res, status, errorBody(status === 429 ? "RATE_LIMITED" : "UNAVAILABLE", `status ${status}`), retryAfter ? { "retry-after": retryAfter } : {});
  });
}

describe("sendTraces", () => {
  it("posts the batch as JSON with the API key and returns the 202 body", async () => {
    answerInTurn([]);
    expect(await client().sendTraces(batch)).toEqual(accepted);
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect([req.method, req.url, req.headers.authorization, req.headers["content-type"]]).toEqual(["POST", "/api/v1/traces", "Bearer fd_test_key", "application/json"]);
    expect(JSON.parse(req.body)).toEqual(batch);
  });

  it("waits out a 429's Retry-After and sends again", async () => {
    answerInTurn([429], "1");
    const started = Date.now();
    expect(await client().sendTraces(batch)).toEqual(accepted);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].body).toBe(server.requests[0].body);
  });

  it("retries 5xx with backoff until it is accepted", async () => {
    answerInTurn([503, 500, 502]);
    expect(await client().sendTraces(batch)).toEqual(accepted);
    expect(server.requests).toHaveLength(4);
  });

  it("gives up after the last attempt with FlightdeckUnavailableError", async () => {
    answerInTurn([503, 503, 503, 503, 503]);
    const err = await client({ retry: { attempts: 3, baseDelayMs: 1 } }).sendTraces(batch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FlightdeckUnavailableError);
    expect(err).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(3);
  });

  it("does not wait for a Retry-After longer than maxRetryAfterMs: the 429 is thrown at once", async () => {
    answerInTurn([429], "3600");
    const err = await client().sendTraces(batch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FlightdeckApiError);
    expect(err).toMatchObject({ status: 429, code: "RATE_LIMITED", retryAfterMs: 3_600_000 });
    expect(server.requests).toHaveLength(1);
  });

  it("retries network failures, then throws FlightdeckUnavailableError", async () => {
    const fd = createFlightdeck({ baseUrl: await closedPortUrl(), apiKey: "k", project: "p", retry: { attempts: 2, baseDelayMs: 1 } });
    await expect(fd.sendTraces(batch)).rejects.toBeInstanceOf(FlightdeckUnavailableError);
  });

  it.each([
    [413, "PAYLOAD_TOO_LARGE", "Request body is larger than the 5242880 byte limit.", undefined],
    [422, "VALIDATION", "Body is invalid — traces.0.spans.0.endTime: endTime is before startTime", [{ field: "traces.0.spans.0.endTime", message: "endTime is before startTime" }]],
    [403, "FORBIDDEN", "This API key lacks traces:write.", undefined],
  ])("throws %i with the server's message and issues, without retrying", async (status, code, message, issues) => {
    server.setHandler((_req, res) => json(res, status, errorBody(code, message, issues)));
    const err = await client().sendTraces(batch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FlightdeckApiError);
    expect(err).toMatchObject({ status, code, message, issues });
    expect(server.requests).toHaveLength(1);
  });
});

describe("Retry-After and backoff", () => {
  it("reads delay-seconds and HTTP-dates, and ignores what it cannot read", async () => {
    const { retryAfterMs, backoffMs } = await import("./http");
    const now = Date.parse("2026-11-24T08:00:00Z");
    expect(retryAfterMs("2", now)).toBe(2000);
    expect(retryAfterMs("Tue, 24 Nov 2026 08:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Tue, 24 Nov 2026 07:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
    // half fixed, half jitter; doubling per attempt up to the cap
    expect([1, 2, 3, 10].map((a) => backoffMs(a, 100, 1000, () => 0))).toEqual([50, 100, 200, 500]);
    expect([1, 2, 3, 10].map((a) => backoffMs(a, 100, 1000, () => 1))).toEqual([100, 200, 400, 1000]);
  });
});
