import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ProviderClientOptions } from "./client";
import { clientWithRecordedBackoff, collectStream, rejectionOf } from "./testing/test-helpers";
import { FAKE_OPENAI_TEXT, startFakeOpenAIServer } from "./testing/fake-openai-server";
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
};

describe("openai streaming", () => {
  it("reassembles the text from SSE deltas and takes usage from the final chunk", async () => {
    const { deltas, text, result } = await collectStream(client().c.chatStream(request));
    expect(deltas.length).toBeGreaterThan(3);
    expect(text).toBe(FAKE_OPENAI_TEXT);
    expect(result).toMatchObject({ text: FAKE_OPENAI_TEXT, usage: { inputTokens: 17, outputTokens: 6, estimated: false }, finishReason: "stop" });
    expect(server.requests[0].body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(server.requests[0].headers.accept).toBe("text/event-stream");
  });

  it("estimates usage when the stream carries none", async () => {
    server.script({ type: "ok", usage: "omit" });
    const { result } = await collectStream(client().c.chatStream(request));
    expect(result.usage).toMatchObject({ outputTokens: countTokens(FAKE_OPENAI_TEXT), estimated: true });
  });

  it("reports a stream that ends before [DONE] as malformed, after yielding what arrived", async () => {
    server.script({ type: "broken-stream", afterChunks: 2, how: "truncate" });
    const deltas: string[] = [];
    const err = await rejectionOf(
      (async () => {
        for await (const e of client().c.chatStream(request)) if (e.type === "delta") deltas.push(e.text);
      })(),
    );
    expect(err).toMatchObject({ kind: "malformed" });
    expect(deltas.join("")).toBe("Refunds are");
  });

  it("reports a dropped connection mid-stream as a network error", async () => {
    server.script({ type: "broken-stream", afterChunks: 2, how: "reset" });
    const deltas: string[] = [];
    const err = await rejectionOf(
      (async () => {
        for await (const e of client().c.chatStream(request)) if (e.type === "delta") deltas.push(e.text);
      })(),
    );
    expect(err).toMatchObject({ kind: "network" });
    expect((err as Error).message).toContain("interrupted");
    expect(deltas.join("")).toBe("Refunds are");
    expect(server.requests).toHaveLength(1);
  });

  it("reports a data line that is not JSON as malformed", async () => {
    server.script({ type: "malformed" });
    expect(await rejectionOf(collectStream(client().c.chatStream(request)))).toMatchObject({ kind: "malformed" });
  });

  it("surfaces an error chunk sent after the 200", async () => {
    server.script({ type: "stream-error", afterChunks: 1, message: "upstream model crashed" });
    const err = await rejectionOf(collectStream(client().c.chatStream(request)));
    expect(err).toMatchObject({ kind: "server_error" });
    expect((err as Error).message).toContain("upstream model crashed");
  });

  it("times out a stream that goes silent", async () => {
    server.script({ type: "stall-stream", afterChunks: 1 });
    const err = await rejectionOf(collectStream(client({ timeoutMs: 150 }).c.chatStream(request)));
    expect(err).toMatchObject({ kind: "timeout" });
  });

  it("retries a stream whose response head was a 503", async () => {
    server.script({ type: "error", status: 503 });
    const { c, delays } = client();
    const { text } = await collectStream(c.chatStream(request));
    expect(text).toBe(FAKE_OPENAI_TEXT);
    expect(server.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it("stops a stream when the caller aborts, freeing its slot", async () => {
    server.script({ type: "stall-stream", afterChunks: 1 });
    const controller = new AbortController();
    const { c } = client({ maxConcurrency: 1 });
    const err = await rejectionOf(
      (async () => {
        for await (const e of c.chatStream(request, { signal: controller.signal })) if (e.type === "delta") controller.abort();
      })(),
    );
    expect(err).toMatchObject({ kind: "aborted" });
    expect((await c.chat(request)).text).toBe(FAKE_OPENAI_TEXT);
  });
});
