import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlightdeck, FlightdeckApiError, FlightdeckUnavailableError, type FeedbackInput, type FlightdeckOptions } from "./index";
import { errorBody, json, startTestServer } from "./test-server";

// feedback() against a loopback server speaking POST /api/v1/feedback: 201 new / 200 replaced, a 404
// while the trace is not stored yet (retried, then thrown), 429 with Retry-After, and 4xx not retried.

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const client = (extra: Partial<FlightdeckOptions> = {}) =>
  createFlightdeck({
    baseUrl: server.url, apiKey: "fd_test_key", project: "support",
    retry: { baseDelayMs: 5, maxDelayMs: 20 }, feedbackRetry: { notFoundDelayMs: 5 }, ...extra,
  });

const input: FeedbackInput = { traceId: "t-1", value: { thumbs: "down" }, comment: "خطأ في المبلغ", sourceId: "user-hash-1" };
const stored = {
  id: "fb_1", traceId: "t-1", sourceId: "user-hash-1", value: { thumbs: "down" }, negative: true, comment: "خطأ في المبلغ", correction: null,
  environment: "production", releaseId: "rel_1", variant: "canary", createdAt: "2026-11-24T08:00:00.000Z", updatedAt: "2026-11-24T08:00:00.000Z",
};

/** Answers with each of `statuses` in turn (then `final`); 429s carry `retryAfter`. */
function answerInTurn(statuses: number[], final = 201, retryAfter?: string) {
  let i = 0;
  server.setHandler((_req, res) => {
    const status = statuses[i++] ?? final;
    if (status === 200 || status === 201) return json(res, status, stored);
    const code = status === 404 ? "NOT_FOUND" : status === 429 ? "RATE_LIMITED" : status === 422 ? "VALIDATION" : "UNAVAILABLE";
    json(res, status, errorBody(code, `status ${status}`), status === 429 && retryAfter ? { "retry-after": retryAfter } : {});
  });
}

describe("feedback", () => {
  it("posts the feedback as JSON with the API key; created tells a new feedback (201) from a replaced one (200)", async () => {
    answerInTurn([]);
    expect(await client().feedback(input)).toEqual({ feedback: stored, created: true });
    const [req] = server.requests;
    expect([req.method, req.url, req.headers.authorization, req.headers["content-type"]]).toEqual(["POST", "/api/v1/feedback", "Bearer fd_test_key", "application/json"]);
    expect(JSON.parse(req.body)).toEqual(input);
    answerInTurn([], 200);
    expect((await client().feedback(input)).created).toBe(false);
  });

  it("retries a 404 (the trace is not stored yet) until the trace is there", async () => {
    answerInTurn([404, 404, 404]);
    expect((await client().feedback(input)).feedback.id).toBe("fb_1");
    expect(server.requests).toHaveLength(4);
  });

  it("throws the 404 after the configured attempts", async () => {
    answerInTurn([404, 404, 404, 404, 404, 404]);
    const err = await client({ feedbackRetry: { notFoundAttempts: 3, notFoundDelayMs: 5 } }).feedback(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FlightdeckApiError);
    expect(err).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(server.requests).toHaveLength(3);
  });

  it("waits out a 429's Retry-After, and retries 503", async () => {
    answerInTurn([429], 201, "1");
    const started = Date.now();
    await client().feedback(input);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
    answerInTurn([503, 503]);
    await client().feedback(input);
    expect(server.requests).toHaveLength(3);
  });

  it("throws 422 at once, and gives up on 5xx after the attempts", async () => {
    answerInTurn([422]);
    await expect(client().feedback(input)).rejects.toMatchObject({ status: 422, code: "VALIDATION" });
    expect(server.requests).toHaveLength(1);
    answerInTurn([503, 503, 503, 503, 503]);
    await expect(client().feedback(input)).rejects.toBeInstanceOf(FlightdeckUnavailableError);
    expect(server.requests).toHaveLength(4);
  });
});
