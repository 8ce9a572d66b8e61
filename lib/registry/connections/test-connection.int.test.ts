import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db";
import { makeProject } from "../../../scripts/test/fixtures";
import { startFakeOpenAIServer } from "../../providers/testing/fake-openai-server";
import { startFakeAnthropicServer } from "../../providers/testing/fake-anthropic-server";
import { createConnection, getConnection } from "./service";
import { createModelVersion } from "../models/service";
import { providerClientFor, testConnection } from "./test-connection";

// Stored connections against local servers that speak the providers' wire protocols: the secret is
// decrypted only here, sent in the provider's header, and the request passes the URL guard.
// (The integration runner allowlists loopback, as demo mode does.)

const KEY = "sk-test-connection-key-123456";
let openai: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
let anthropic: Awaited<ReturnType<typeof startFakeAnthropicServer>>;

beforeAll(async () => {
  openai = await startFakeOpenAIServer({ apiKey: KEY });
  anthropic = await startFakeAnthropicServer({ apiKey: KEY });
});
afterAll(async () => {
  await openai.close();
  await anthropic.close();
});

describe("test connection", () => {
  it("lists an OpenAI-compatible server's models with the decrypted key and records the result", async () => {
    const { as } = await makeProject(["ENGINEER"]);
    const c = await createConnection(as("ENGINEER"), { name: "oa", kind: "openai", baseUrl: openai.baseUrl, secret: KEY });
    const result = await testConnection(as("ENGINEER"), c.id);
    expect(result.ok).toBe(true);
    expect(result.models).toContain("gpt-4o-2024-08-06");
    expect(openai.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(await getConnection(as("ENGINEER"), c.id)).toMatchObject({ lastTestOk: true });
  });

  it("falls back to a one-token completion with a registered chat model when the server cannot list models", async () => {
    const { as } = await makeProject(["ENGINEER"]);
    const c = await createConnection(as("ENGINEER"), { name: "llamacpp", kind: "openai", baseUrl: openai.baseUrl, secret: KEY });
    await createModelVersion(as("ENGINEER"), {
      connectionId: c.id, providerModelId: "gpt-4o-2024-08-06", displayName: "m", inputPricePerMTok: 1, outputPricePerMTok: 1,
      priceAsOf: "2025-06-01", contextWindow: 8000, maxOutputTokens: 100, capabilities: ["chat"], floating: false,
    });
    openai.script({ type: "error", status: 404 });
    const result = await testConnection(as("ENGINEER"), c.id);
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toMatch(/one-token completion/);
    const probe = openai.requests.at(-1)!;
    expect(probe.path).toBe("/v1/chat/completions");
    expect(probe.body).toMatchObject({ model: "gpt-4o-2024-08-06" });
  });

  it("reports a wrong key as a failed test without leaking it", async () => {
    const { as } = await makeProject(["ENGINEER"]);
    const c = await createConnection(as("ENGINEER"), { name: "bad", kind: "anthropic", baseUrl: anthropic.origin, secret: "sk-ant-wrong-key-000000000" });
    const result = await testConnection(as("ENGINEER"), c.id);
    expect(result.ok).toBe(false);
    expect(result.message).not.toContain("wrong-key");
    const row = await db().providerConnection.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.lastTestOk).toBe(false);
    expect(row.lastTestMessage).not.toContain("wrong-key");
  });

  it("chats through a stored Anthropic connection", async () => {
    const { project, as } = await makeProject(["ENGINEER"]);
    const c = await createConnection(as("ENGINEER"), { name: "an", kind: "anthropic", baseUrl: anthropic.origin, secret: KEY });
    const client = await providerClientFor(project.id, c.id);
    const r = await client.chat({ model: "claude-3-5-haiku-20241022", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Refunds?" }], max_tokens: 50 });
    expect(r.text).toContain("30 days");
    expect(anthropic.requests.at(-1)?.headers["x-api-key"]).toBe(KEY);
  });

  it("answers offline with no network", async () => {
    const { as } = await makeProject(["ENGINEER"]);
    const c = await createConnection(as("ENGINEER"), { name: "off", kind: "offline" });
    expect(await testConnection(as("ENGINEER"), c.id)).toMatchObject({ ok: true });
  });

  it("is for writers only", async () => {
    const { as } = await makeProject(["ENGINEER", "VIEWER"]);
    const c = await createConnection(as("ENGINEER"), { name: "off", kind: "offline" });
    await expect(testConnection(as("VIEWER"), c.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
