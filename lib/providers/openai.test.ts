import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ProviderClientOptions } from "./client";
import { ProviderError } from "./errors";
import { buildOpenAIChatBody } from "./openai";
import { clientWithRecordedBackoff, rejectionOf } from "./testing/test-helpers";
import { FAKE_OPENAI_MODELS, FAKE_OPENAI_TEXT, startFakeOpenAIServer } from "./testing/fake-openai-server";
import { countTokens } from "./tokens";
import type { ChatRequest, ConnectionConfig } from "./types";

const API_KEY = "sk-test-0123456789abcdefSECRET";
let server: Awaited<ReturnType<typeof startFakeOpenAIServer>>;

beforeAll(async () => {
  server = await startFakeOpenAIServer({ apiKey: API_KEY });
});
afterEach(() => server.reset());
afterAll(() => server.close());

function client(config: Partial<ConnectionConfig> = {}, options: ProviderClientOptions = {}) {
  const connection: ConnectionConfig = { kind: "openai", baseUrl: server.baseUrl, apiKey: API_KEY, timeoutMs: 2_000, maxConcurrency: 4 };
  return clientWithRecordedBackoff({ ...connection, ...config }, options);
}

const request: ChatRequest = {
  model: "gpt-4o",
  messages: [
    { role: "system", content: "Answer from the policy." },
    { role: "user", content: "How long do refunds take?" },
  ],
  temperature: 0.2,
  max_tokens: 50,
  stop: ["\n\n"],
};

describe("openai chat", () => {
  it("returns the text, the provider's usage and the answering model", async () => {
    const result = await client().c.chat(request);
    expect(result).toMatchObject({
      text: FAKE_OPENAI_TEXT,
      usage: { inputTokens: 17, outputTokens: 6, cachedTokens: 0, estimated: false },
      finishReason: "stop",
      model: "gpt-4o-2024-08-06",
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const sent = server.requests[0];
    expect(sent.method).toBe("POST");
    expect(sent.path).toBe("/v1/chat/completions");
    expect(sent.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(sent.body).toEqual({
      model: "gpt-4o",
      messages: request.messages,
      temperature: 0.2,
      max_tokens: 50,
      stop: ["\n\n"],
    });
  });

  it("joins base URLs with a trailing slash and sends no bearer when there is no key", async () => {
    const { c } = client({ baseUrl: `${server.baseUrl}/`, apiKey: undefined });
    await rejectionOf(c.chat(request));
    expect(server.requests[0].path).toBe("/v1/chat/completions");
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it("counts tokens locally and says so when the provider reports no usage", async () => {
    server.script({ type: "ok", usage: "omit" });
    const result = await client().c.chat(request);
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.outputTokens).toBe(countTokens(FAKE_OPENAI_TEXT));
    expect(result.usage.inputTokens).toBeGreaterThan(countTokens("How long do refunds take?"));
  });

  it("uses max_completion_tokens on api.openai.com and passes response_format through", () => {
    const format = { type: "json_schema" as const, json_schema: { name: "answer", schema: { type: "object" }, strict: true } };
    const body = buildOpenAIChatBody({ ...request, response_format: format }, "https://api.openai.com/v1", false);
    expect(body.max_completion_tokens).toBe(50);
    expect(body.max_tokens).toBeUndefined();
    expect(body.response_format).toEqual(format);
  });
});

describe("openai failures", () => {
  it("waits as long as retry-after asks, then succeeds", async () => {
    server.script({ type: "error", status: 429, headers: { "retry-after": "2" } });
    const { c, delays } = client();
    const result = await c.chat(request);
    expect(result.text).toBe(FAKE_OPENAI_TEXT);
    expect(server.requests).toHaveLength(2);
    // backoff alone would be 0.5 * 100 ms; the header wins.
    expect(delays).toEqual([2_000]);
  });

  it("honours x-ratelimit-reset-requests when retry-after is absent", async () => {
    server.script({ type: "error", status: 429, headers: { "x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "1.5s" } });
    const { c, delays } = client();
    await c.chat(request);
    expect(delays).toEqual([1_500]);
  });

  it("does not retry an exhausted quota", async () => {
    server.script({ type: "error", status: 429, code: "insufficient_quota", message: "You exceeded your current quota" });
    const err = await rejectionOf(client().c.chat(request));
    expect(err).toMatchObject({ kind: "rate_limited", retryable: false, providerCode: "insufficient_quota" });
    expect(server.requests).toHaveLength(1);
  });

  it("retries 500s and gives up with server_error after maxAttempts", async () => {
    server.defaultStep = { type: "error", status: 500 };
    const { c, delays } = client({}, { retry: { maxAttempts: 3 } });
    const err = await rejectionOf(c.chat(request));
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: "server_error", status: 500, retryable: true });
    expect((err as Error).message).toContain("The server had an error");
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([50, 100]);
  });

  it("fails a wrong key with auth at once and never repeats the key", async () => {
    const wrongKey = "sk-wrong-key-9876543210-DO-NOT-LEAK";
    const err = await rejectionOf(client({ apiKey: wrongKey }).c.chat(request));
    expect(err).toMatchObject({ kind: "auth", status: 401, retryable: false });
    expect(server.requests).toHaveLength(1);
    // The fake echoes the key it received: the client must redact it.
    expect((err as Error).message).toContain("Incorrect API key provided");
    expect((err as Error).message).not.toContain(wrongKey);
    expect(String((err as Error).stack)).not.toContain(wrongKey);
    expect(JSON.stringify(err)).not.toContain(wrongKey);
  });

  it("keeps the key out of every other error too", async () => {
    server.script({ type: "error", status: 400, message: `bad header Bearer ${API_KEY}` });
    const err = await rejectionOf(client().c.chat(request));
    expect(err).toMatchObject({ kind: "bad_request", status: 400 });
    expect((err as Error).message).not.toContain(API_KEY);
    expect((err as Error).message).toContain("[redacted]");
  });

  it("times out a slow response and retries it", async () => {
    server.defaultStep = { type: "ok", delayMs: 2_000 };
    const { c } = client({ timeoutMs: 80 }, { retry: { maxAttempts: 2 } });
    const started = Date.now();
    const err = await rejectionOf(c.chat(request));
    expect(err).toMatchObject({ kind: "timeout", retryable: true });
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("reports an unparseable body as malformed without retrying", async () => {
    server.script({ type: "malformed" });
    const err = await rejectionOf(client().c.chat(request));
    expect(err).toMatchObject({ kind: "malformed" });
    expect(server.requests).toHaveLength(1);
  });

  it("names a refused model request with the provider's message", async () => {
    server.script({ type: "error", status: 404, message: "The model `gpt-9` does not exist" });
    const err = await rejectionOf(client().c.chat(request));
    expect(err).toMatchObject({ kind: "bad_request", status: 404 });
    expect((err as Error).message).toContain("The model `gpt-9` does not exist");
  });

  it("reports an unreachable server as a network error", async () => {
    const { c } = client({ baseUrl: "http://127.0.0.1:1/v1" }, { retry: { maxAttempts: 1 } });
    expect(await rejectionOf(c.chat(request))).toMatchObject({ kind: "network" });
  });

  it("stops when the caller aborts", async () => {
    server.defaultStep = { type: "ok", delayMs: 2_000 };
    const controller = new AbortController();
    const pending = client().c.chat(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    expect(await rejectionOf(pending)).toMatchObject({ kind: "aborted", retryable: false });
    expect(server.requests).toHaveLength(1);
  });
});

describe("openai concurrency", () => {
  it("never has more than maxConcurrency requests in flight", async () => {
    server.defaultStep = { type: "ok", delayMs: 25 };
    const { c } = client({ maxConcurrency: 2 });
    const results = await Promise.all(Array.from({ length: 10 }, () => c.chat(request)));
    expect(results.every((r) => r.text === FAKE_OPENAI_TEXT)).toBe(true);
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight).toBe(2);
  });

  it("measures overlap (the check above can fail)", async () => {
    server.defaultStep = { type: "ok", delayMs: 25 };
    const { c } = client({ maxConcurrency: 10 });
    await Promise.all(Array.from({ length: 10 }, () => c.chat(request)));
    expect(server.maxInFlight).toBeGreaterThan(2);
  });

  it("shares the limit between clients of the same connection id", async () => {
    server.defaultStep = { type: "ok", delayMs: 25 };
    const a = client({ id: "conn-shared", maxConcurrency: 2 }).c;
    const b = client({ id: "conn-shared", maxConcurrency: 2 }).c;
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).chat(request)));
    expect(server.maxInFlight).toBe(2);
  });
});

describe("openai embeddings and models", () => {
  it("returns one vector per input in input order, with reported usage", async () => {
    const result = await client().c.embed({ model: "text-embedding-3-small", input: ["a", "bb", "ccc"] });
    expect(result.vectors).toHaveLength(3);
    expect(result.vectors.map((v) => v[0])).toEqual([1, 2, 3]);
    expect(result.vectors.every((v) => v.length === 8)).toBe(true);
    expect(result.usage).toEqual({ inputTokens: 9, estimated: false });
    expect(server.requests[0]).toMatchObject({ path: "/v1/embeddings", body: { model: "text-embedding-3-small", input: ["a", "bb", "ccc"], encoding_format: "float" } });
  });

  it("forwards dimensions", async () => {
    const result = await client().c.embed({ model: "text-embedding-3-small", input: ["x"], dimensions: 4 });
    expect(result.vectors[0]).toHaveLength(4);
  });

  it("lists models and tests the connection with them", async () => {
    expect(await client().c.listModels()).toEqual([...FAKE_OPENAI_MODELS].sort());
    const test = await client().c.testConnection();
    expect(test).toMatchObject({ ok: true, models: FAKE_OPENAI_MODELS });
    expect(test.latencyMs).toBeGreaterThanOrEqual(0);
    expect(server.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1/models" });
  });

  it("falls back to a one-token completion when the server cannot list models", async () => {
    server.script({ type: "error", status: 404 });
    const test = await client().c.testConnection({ model: "llama3.1:8b" });
    expect(test.ok).toBe(true);
    expect(test.message).toContain("one-token completion");
    expect(server.requests[1].body).toMatchObject({ model: "llama3.1:8b", max_tokens: 1 });
  });

  it("reports a failed test without throwing or retrying", async () => {
    const test = await client({ apiKey: "sk-nope-nope-nope" }).c.testConnection();
    expect(test).toMatchObject({ ok: false });
    expect(test.message).toContain("401");
    expect(test.message).not.toContain("sk-nope-nope-nope");
    expect(server.requests).toHaveLength(1);
  });
});
