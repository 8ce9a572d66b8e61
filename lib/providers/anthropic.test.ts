import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { anthropicUrl, buildAnthropicBody } from "./anthropic";
import type { ProviderClientOptions } from "./client";
import { FAKE_ANTHROPIC_MODELS, FAKE_ANTHROPIC_TEXT, startFakeAnthropicServer } from "./testing/fake-anthropic-server";
import { clientWithRecordedBackoff, collectStream, rejectionOf } from "./testing/test-helpers";
import { countTokens } from "./tokens";
import type { ChatRequest, ConnectionConfig } from "./types";

const API_KEY = "sk-ant-api03-test-SECRET-0123456789";
let server: Awaited<ReturnType<typeof startFakeAnthropicServer>>;

beforeAll(async () => {
  server = await startFakeAnthropicServer({ apiKey: API_KEY });
});
afterEach(() => server.reset());
afterAll(() => server.close());

function client(config: Partial<ConnectionConfig> = {}, options: ProviderClientOptions = {}) {
  const connection: ConnectionConfig = { kind: "anthropic", baseUrl: server.baseUrl, apiKey: API_KEY, timeoutMs: 2_000, maxConcurrency: 4 };
  return clientWithRecordedBackoff({ ...connection, ...config }, options);
}

const request: ChatRequest = {
  model: "claude-3-5-haiku-20241022",
  messages: [
    { role: "system", content: "Answer from the policy." },
    { role: "user", content: "How long do refunds take?" },
  ],
  temperature: 0.2,
  stop: ["END"],
};

describe("anthropic chat", () => {
  it("puts the system prompt top-level, defaults max_tokens and sends Anthropic's headers", async () => {
    const result = await client().c.chat(request);
    expect(result).toMatchObject({
      text: FAKE_ANTHROPIC_TEXT,
      usage: { inputTokens: 21, outputTokens: 6, cachedTokens: 0, estimated: false },
      finishReason: "stop",
      model: "claude-3-5-haiku-20241022",
    });
    const sent = server.requests[0];
    expect(sent.path).toBe("/v1/messages");
    expect(sent.headers["x-api-key"]).toBe(API_KEY);
    expect(sent.headers["anthropic-version"]).toBe("2023-06-01");
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toEqual({
      model: "claude-3-5-haiku-20241022",
      max_tokens: 1024,
      system: "Answer from the policy.",
      messages: [{ role: "user", content: "How long do refunds take?" }],
      temperature: 0.2,
      stop_sequences: ["END"],
    });
  });

  it("uses the request's max_tokens and asks for JSON in the system prompt", () => {
    const body = buildAnthropicBody(
      { ...request, max_tokens: 10, response_format: { type: "json_schema", json_schema: { name: "reply", schema: { type: "object" } } } },
      false,
    );
    expect(body.max_tokens).toBe(10);
    expect(body.system).toMatch(/^Answer from the policy\.\n\nRespond with a single JSON object only/);
    expect(body.system).toContain('{"type":"object"}');
  });

  it("accepts base URLs with or without /v1", () => {
    expect(anthropicUrl("https://api.anthropic.com", "messages")).toBe("https://api.anthropic.com/v1/messages");
    expect(anthropicUrl("https://api.anthropic.com/v1/", "messages")).toBe("https://api.anthropic.com/v1/messages");
    expect(anthropicUrl("https://proxy.example/anthropic", "models")).toBe("https://proxy.example/anthropic/v1/models");
  });

  it("counts tokens locally when usage is missing", async () => {
    server.script({ type: "ok", usage: "omit" });
    const result = await client().c.chat(request);
    expect(result.usage).toMatchObject({ outputTokens: countTokens(FAKE_ANTHROPIC_TEXT), estimated: true });
  });

  it("adds cache reads to input tokens and reports them as cached", async () => {
    server.script({ type: "ok", usage: { input: 10, output: 3, cached: 90 } });
    const result = await client().c.chat(request);
    expect(result.usage).toEqual({ inputTokens: 100, outputTokens: 3, cachedTokens: 90, estimated: false });
  });
});

describe("anthropic streaming", () => {
  it("reassembles text deltas and takes usage from message_start and message_delta", async () => {
    const { deltas, text, result } = await collectStream(client().c.chatStream(request));
    expect(deltas.length).toBeGreaterThan(3);
    expect(text).toBe(FAKE_ANTHROPIC_TEXT);
    expect(result).toMatchObject({ text: FAKE_ANTHROPIC_TEXT, usage: { inputTokens: 21, outputTokens: 6, estimated: false }, finishReason: "stop" });
    expect(server.requests[0].body).toMatchObject({ stream: true, system: "Answer from the policy." });
  });

  it("estimates usage when the events carry none", async () => {
    server.script({ type: "ok", usage: "omit" });
    const { result } = await collectStream(client().c.chatStream(request));
    expect(result.usage).toMatchObject({ outputTokens: countTokens(FAKE_ANTHROPIC_TEXT), estimated: true });
  });

  it("turns an error event mid-stream into the taxonomy", async () => {
    server.script({ type: "stream-error", afterChunks: 2 });
    const deltas: string[] = [];
    const err = await rejectionOf(
      (async () => {
        for await (const e of client().c.chatStream(request)) if (e.type === "delta") deltas.push(e.text);
      })(),
    );
    expect(err).toMatchObject({ kind: "server_error", providerCode: "overloaded_error" });
    expect(deltas.join("")).toBe("Refunds are");
  });

  it("reports a stream that ends before message_stop as malformed", async () => {
    server.script({ type: "broken-stream", afterChunks: 1, how: "truncate" });
    expect(await rejectionOf(collectStream(client().c.chatStream(request)))).toMatchObject({ kind: "malformed" });
  });

  it("reports a dropped connection as a network error", async () => {
    server.script({ type: "broken-stream", afterChunks: 1, how: "reset" });
    expect(await rejectionOf(collectStream(client().c.chatStream(request)))).toMatchObject({ kind: "network" });
  });

  it("reports an event whose data is not JSON as malformed", async () => {
    server.script({ type: "malformed" });
    expect(await rejectionOf(collectStream(client().c.chatStream(request)))).toMatchObject({ kind: "malformed" });
  });

  it("stops early without leaking the concurrency slot", async () => {
    const { c } = client({ maxConcurrency: 1 });
    for await (const event of c.chatStream(request)) if (event.type === "delta") break;
    const result = await c.chat(request);
    expect(result.text).toBe(FAKE_ANTHROPIC_TEXT);
  });
});

describe("anthropic failures", () => {
  it("waits for retry-after on 429, then succeeds", async () => {
    server.script({ type: "error", status: 429, headers: { "retry-after": "3" } });
    const { c, delays } = client();
    expect((await c.chat(request)).text).toBe(FAKE_ANTHROPIC_TEXT);
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([3_000]);
  });

  it("retries 529 overloaded and gives up with server_error", async () => {
    server.defaultStep = { type: "error", status: 529 };
    const { c, delays } = client({}, { retry: { maxAttempts: 2 } });
    const err = await rejectionOf(c.chat(request));
    expect(err).toMatchObject({ kind: "server_error", status: 529, providerCode: "overloaded_error" });
    expect((err as Error).message).toContain("overloaded");
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([50]);
  });

  it("retries 500 then succeeds", async () => {
    server.script({ type: "error", status: 500 });
    expect((await client().c.chat(request)).text).toBe(FAKE_ANTHROPIC_TEXT);
    expect(server.requests).toHaveLength(2);
  });

  it("fails a wrong key with auth, once, without repeating the key", async () => {
    const wrongKey = "sk-ant-wrong-9876543210-DO-NOT-LEAK";
    const err = await rejectionOf(client({ apiKey: wrongKey }).c.chat(request));
    expect(err).toMatchObject({ kind: "auth", status: 401, providerCode: "authentication_error" });
    expect((err as Error).message).not.toContain(wrongKey);
    expect(server.requests).toHaveLength(1);
  });

  it("maps a 400 to bad_request with Anthropic's message", async () => {
    server.script({ type: "error", status: 400, message: "temperature: must be at most 1" });
    const err = await rejectionOf(client().c.chat(request));
    expect(err).toMatchObject({ kind: "bad_request", status: 400 });
    expect((err as Error).message).toContain("temperature: must be at most 1");
  });

  it("times out a slow response", async () => {
    server.defaultStep = { type: "ok", delayMs: 2_000 };
    const err = await rejectionOf(client({ timeoutMs: 80 }, { retry: { maxAttempts: 1 } }).c.chat(request));
    expect(err).toMatchObject({ kind: "timeout" });
  });

  it("reports an unparseable body as malformed", async () => {
    server.script({ type: "malformed" });
    expect(await rejectionOf(client().c.chat(request))).toMatchObject({ kind: "malformed" });
  });

  it("refuses embeddings with a clear bad_request and no request", async () => {
    const err = await rejectionOf(client().c.embed({ model: "claude-3-5-haiku-20241022", input: ["x"] }));
    expect(err).toMatchObject({ kind: "bad_request" });
    expect((err as Error).message).toContain("no embeddings");
    expect(server.requests).toHaveLength(0);
  });
});

describe("anthropic concurrency and models", () => {
  it("never has more than maxConcurrency requests in flight, streams included", async () => {
    server.defaultStep = { type: "ok", delayMs: 25 };
    const { c } = client({ maxConcurrency: 2 });
    const runs = Array.from({ length: 10 }, (_, i) => (i % 2 ? c.chat(request) : collectStream(c.chatStream(request))));
    await Promise.all(runs);
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight).toBe(2);
  });

  it("lists models through /v1/models", async () => {
    const test = await client().c.testConnection();
    expect(test).toMatchObject({ ok: true, models: FAKE_ANTHROPIC_MODELS });
    expect(server.requests[0]).toMatchObject({ method: "GET", path: "/v1/models" });
    expect(server.requests[0].headers["x-api-key"]).toBe(API_KEY);
  });
});
