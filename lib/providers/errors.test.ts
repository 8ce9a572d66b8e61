import { describe, expect, it } from "vitest";
import { ProviderError, errorFromAnthropicType, errorFromStatus, parseDurationMs, parseRetryAfterMs, readErrorBody, redactSecret } from "./errors";

const NOW = Date.parse("2025-06-01T12:00:00Z");
const headers = (h: Record<string, string>) => new Headers(h);

describe("parseRetryAfterMs", () => {
  it("reads delay-seconds, including decimals", () => {
    expect(parseRetryAfterMs(headers({ "retry-after": "7" }), NOW)).toBe(7_000);
    expect(parseRetryAfterMs(headers({ "retry-after": "0.25" }), NOW)).toBe(250);
  });

  it("reads an HTTP-date relative to now, never negative", () => {
    expect(parseRetryAfterMs(headers({ "retry-after": "Sun, 01 Jun 2025 12:00:30 GMT" }), NOW)).toBe(30_000);
    expect(parseRetryAfterMs(headers({ "retry-after": "Sun, 01 Jun 2025 11:00:00 GMT" }), NOW)).toBe(0);
  });

  it("prefers retry-after-ms", () => {
    expect(parseRetryAfterMs(headers({ "retry-after-ms": "120", "retry-after": "5" }), NOW)).toBe(120);
  });

  it("falls back to OpenAI's reset header of the exhausted budget", () => {
    const h = headers({
      "x-ratelimit-remaining-requests": "0",
      "x-ratelimit-reset-requests": "6m0s",
      "x-ratelimit-remaining-tokens": "5000",
      "x-ratelimit-reset-tokens": "20ms",
    });
    expect(parseRetryAfterMs(h, NOW)).toBe(360_000);
  });

  it("falls back to Anthropic's reset timestamps", () => {
    const h = headers({ "anthropic-ratelimit-requests-remaining": "0", "anthropic-ratelimit-requests-reset": "2025-06-01T12:00:04Z" });
    expect(parseRetryAfterMs(h, NOW)).toBe(4_000);
  });

  it("returns undefined when nothing usable is there", () => {
    expect(parseRetryAfterMs(headers({}), NOW)).toBeUndefined();
    expect(parseRetryAfterMs(headers({ "retry-after": "soon" }), NOW)).toBeUndefined();
  });
});

describe("parseDurationMs", () => {
  it("parses Go-style durations", () => {
    expect(parseDurationMs("1s")).toBe(1_000);
    expect(parseDurationMs("20ms")).toBe(20);
    expect(parseDurationMs("1h2m3.5s")).toBe(3_723_500);
    expect(parseDurationMs("soon")).toBeUndefined();
    expect(parseDurationMs("5 s")).toBeUndefined();
  });
});

describe("errorFromStatus", () => {
  const openai = (message: string, code: string | null = null) => JSON.stringify({ error: { message, type: "x", code } });
  const anthropic = (type: string, message: string) => JSON.stringify({ type: "error", error: { type, message } });

  it.each([
    [400, "bad_request", false],
    [401, "auth", false],
    [403, "auth", false],
    [404, "bad_request", false],
    [408, "timeout", true],
    [422, "bad_request", false],
    [429, "rate_limited", true],
    [500, "server_error", true],
    [502, "server_error", true],
    [503, "server_error", true],
    [529, "server_error", true],
  ] as const)("maps %i to %s (retryable %s)", (status, kind, retryable) => {
    const err = errorFromStatus(status, headers({}), openai("nope"), "P");
    expect(err).toMatchObject({ kind, retryable, status });
  });

  it("includes the provider's message from either body shape", () => {
    expect(errorFromStatus(400, headers({}), openai("Invalid 'top_p'", "invalid_value"), "P")).toMatchObject({
      message: "P refused the request (400): Invalid 'top_p'",
      providerCode: "invalid_value",
    });
    expect(errorFromStatus(529, headers({}), anthropic("overloaded_error", "Overloaded"), "Anthropic")).toMatchObject({
      message: "Anthropic is overloaded (529): Overloaded",
      providerCode: "overloaded_error",
    });
  });

  it("keeps a short excerpt of a non-JSON body", () => {
    expect(errorFromStatus(502, headers({}), "<html>Bad Gateway</html>", "P").message).toContain("Bad Gateway");
    expect(readErrorBody("x".repeat(1000)).message).toHaveLength(300);
  });

  it("carries retry-after on 429 and marks insufficient_quota as not retryable", () => {
    expect(errorFromStatus(429, headers({ "retry-after": "2" }), openai("slow down"), "P").retryAfterMs).toBe(2_000);
    expect(errorFromStatus(429, headers({}), openai("quota", "insufficient_quota"), "P").retryable).toBe(false);
  });
});

describe("errorFromAnthropicType", () => {
  it("maps in-stream error types", () => {
    expect(errorFromAnthropicType("overloaded_error", "x").kind).toBe("server_error");
    expect(errorFromAnthropicType("rate_limit_error", "x").kind).toBe("rate_limited");
    expect(errorFromAnthropicType("authentication_error", "x").kind).toBe("auth");
    expect(errorFromAnthropicType("invalid_request_error", "x").kind).toBe("bad_request");
  });
});

describe("redactSecret", () => {
  it("removes every occurrence and keeps the rest", () => {
    expect(redactSecret("key sk-abc123 and sk-abc123 again", "sk-abc123")).toBe("key [redacted] and [redacted] again");
    expect(redactSecret("nothing here", undefined)).toBe("nothing here");
  });

  it("withMessage keeps kind and details", () => {
    const err = new ProviderError("rate_limited", "a", { status: 429, retryAfterMs: 5, retryable: false });
    expect(err.withMessage("b")).toMatchObject({ kind: "rate_limited", message: "b", status: 429, retryAfterMs: 5, retryable: false });
  });
});
