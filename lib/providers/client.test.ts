import { describe, expect, it, vi } from "vitest";
import { createProviderClient } from "./client";
import { ProviderError } from "./errors";
import { KeyedSemaphore } from "./limiter";
import { rejectionOf } from "./testing/test-helpers";
import type { ConnectionConfig } from "./types";

const base: ConnectionConfig = { kind: "openai", baseUrl: "http://models.internal/v1", apiKey: "sk-live-SECRET-KEY-1234", timeoutMs: 1_000, maxConcurrency: 2 };
const request = { model: "m", messages: [{ role: "user" as const, content: "hi" }] };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

describe("createProviderClient", () => {
  it("rejects unusable configs with bad_request", () => {
    const bad: Partial<ConnectionConfig>[] = [
      { timeoutMs: 0 },
      { maxConcurrency: 0 },
      { maxConcurrency: 1.5 },
      { baseUrl: "not a url" },
      { baseUrl: "ftp://x/v1" },
      { kind: "cohere" as ConnectionConfig["kind"] },
    ];
    for (const override of bad) {
      expect(() => createProviderClient({ ...base, ...override }), JSON.stringify(override)).toThrow(ProviderError);
    }
  });

  it("sends every request through the injected fetch (the outbound URL guard's hook)", async () => {
    const fetch = vi.fn(async () => json(200, { object: "list", data: [{ id: "b" }, { id: "a" }] }));
    const client = createProviderClient(base, { fetch });
    expect(await client.listModels()).toEqual(["a", "b"]);
    expect(fetch).toHaveBeenCalledWith("http://models.internal/v1/models", expect.objectContaining({ method: "GET", redirect: "manual" }));
  });

  it("does not follow redirects and says what to fix", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 301, headers: { location: "http://169.254.169.254/" } }));
    const err = await rejectionOf(createProviderClient(base, { fetch }).chat(request));
    expect(err).toMatchObject({ kind: "bad_request", status: 301 });
    expect((err as Error).message).toContain("final address");
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("reports a 200 without choices as malformed, naming the field", async () => {
    const fetch = vi.fn(async () => json(200, { id: "x", choices: [] }));
    const err = await rejectionOf(createProviderClient(base, { fetch }).chat(request));
    expect(err).toMatchObject({ kind: "malformed" });
    expect((err as Error).message).toContain("choices");
  });

  it("says how to test a server that cannot list models when no model is named", async () => {
    const fetch = vi.fn(async () => json(404, { error: { message: "not found", type: "x", code: null } }));
    const result = await createProviderClient(base, { fetch }).testConnection();
    expect(result.ok).toBe(false);
    expect(result.message).toContain("name a model id");
  });

  it("reports an unreachable server in testConnection without throwing", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    });
    const result = await createProviderClient(base, { fetch }).testConnection();
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toBe("Could not talk to http://models.internal: ECONNREFUSED");
  });

  it("does not count time spent queueing toward the timeout", async () => {
    const semaphore = new KeyedSemaphore();
    const release = await semaphore.acquire("busy", 1);
    const fetch = vi.fn(async () => json(200, { choices: [{ message: { content: "ok" }, finish_reason: "stop" }] }));
    const client = createProviderClient({ ...base, id: "busy", maxConcurrency: 1, timeoutMs: 50 }, { fetch, semaphore });
    const pending = client.chat(request);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fetch).not.toHaveBeenCalled();
    release();
    expect((await pending).text).toBe("ok");
  });
});
