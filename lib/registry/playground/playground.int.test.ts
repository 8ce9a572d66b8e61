import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "../../../scripts/test/fixtures";
import { createApiKey } from "../../apikeys/service";
import type { Principal } from "../../authz/principal";
import { parseOrThrow } from "../../errors";
import { buildOpenApiDocument } from "../../http/openapi";
import { SseParser } from "../../providers/sse";
import { startFakeOpenAIServer } from "../../providers/testing/fake-openai-server";
import { createConnection } from "../connections/service";
import { createModelVersion } from "../models/service";
import { ZCreatePromptVersion } from "../prompts/schemas";
import { createPromptVersion } from "../prompts/service";
import { POST as runRoute } from "../../../app/api/v1/projects/[project]/playground/runs/route";
import type { TPlaygroundEvent } from "./schemas";

// The real route handler through apiRoute, with real API keys, stored connections and prompts.

const KEY = "sk-playground-test-key-0123456789";
let openai: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
beforeAll(async () => {
  openai = await startFakeOpenAIServer({ apiKey: KEY });
});
afterAll(async () => {
  await openai.close();
});

const PROMPT = {
  name: "helpdesk",
  messages: [
    { role: "system", content: "Answer from the context.{{#plan}} The customer is on {{plan}}.{{/plan}}\n\nContext:\n{{context}}" },
    { role: "user", content: "{{question}}" },
  ],
  variables: [
    { name: "context", type: "string", required: true },
    { name: "question", type: "string", required: true },
    { name: "plan", type: "string", required: false, default: "Basic" },
  ],
  params: { temperature: 0.2, max_tokens: 200 },
  changelog: "first",
};

const PRICES = { inputPricePerMTok: 3, outputPricePerMTok: 15, cachedPricePerMTok: null, priceAsOf: "2025-01-01" };
const MODEL_FIELDS = { contextWindow: 128_000, maxOutputTokens: 4096, capabilities: ["chat" as const], floating: false };

async function setup(kind: "offline" | "openai", scopes: ("registry:read" | "registry:write")[] = ["registry:read", "registry:write"], secret = KEY) {
  const p = await makeProject(["ADMIN"]);
  const admin: Principal = p.as("ADMIN");
  const connection = kind === "offline"
    ? await createConnection(admin, { name: "off", kind: "offline" })
    : await createConnection(admin, { name: "oa", kind: "openai", baseUrl: openai.baseUrl, secret, maxConcurrency: 1, timeoutMs: 30_000 });
  const model = await createModelVersion(admin, {
    connectionId: connection.id, providerModelId: kind === "offline" ? "offline-extractive-1" : "gpt-4o-2024-08-06",
    displayName: "Test model", ...PRICES, ...MODEL_FIELDS,
  });
  await createPromptVersion(admin, parseOrThrow(ZCreatePromptVersion, { ...PROMPT, modelVersionId: model.id }));
  const key = await createApiKey(admin, { name: "t", scopes });
  return { ...p, slug: p.project.slug, model, auth: { authorization: `Bearer ${key.token}` } };
}

const post = (slug: string, auth: Record<string, string>, json: unknown, signal?: AbortSignal) =>
  new Request(`http://x/api/v1/projects/${slug}/playground/runs`, {
    method: "POST", headers: { "content-type": "application/json", ...auth }, body: JSON.stringify(json), signal,
  });

const invoke = (req: Request, slug: string) => runRoute(req, { params: Promise.resolve({ project: slug }) });

async function readEvents(res: Response): Promise<TPlaygroundEvent[]> {
  const parser = new SseParser();
  const text = await res.text();
  return parser.push(text).map((e) => {
    const data = JSON.parse(e.data) as TPlaygroundEvent;
    expect(data.type).toBe(e.event);
    return data;
  });
}

const CONTEXT = [
  "Our office is in Riyadh and opens at nine.",
  "Refunds are accepted within 30 days of purchase when the receipt is shown. Gift cards cannot be refunded.",
];

describe("playground runs", () => {
  it("streams an extractive answer from the context, then usage, cost and the compiled messages", async () => {
    const { slug, auth, model } = await setup("offline");
    const res = await invoke(post(slug, auth, { prompt: "helpdesk", variables: { question: "How many days do I have for refunds?" }, contextChunks: CONTEXT }), slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const events = await readEvents(res);
    const deltas = events.filter((e) => e.type === "delta");
    const done = events.at(-1);
    expect(deltas.length).toBeGreaterThan(3);
    if (done?.type !== "done") throw new Error(`expected a done event, got ${JSON.stringify(done)}`);
    expect(done.text).toContain("Refunds are accepted within 30 days");
    expect(done.text).not.toContain("Riyadh");
    expect(deltas.map((d) => d.text).join("")).toBe(done.text);
    expect(done.usage.inputTokens).toBeGreaterThan(0);
    expect(done.usage.outputTokens).toBeGreaterThan(0);
    const expected = (done.usage.inputTokens * 3 + done.usage.outputTokens * 15) / 1e6;
    expect(done.costUsd).toBeGreaterThan(0);
    expect(done.costUsd).toBeCloseTo(expected, 9);
    expect(done).toMatchObject({ finishReason: "stop", promptVersion: 1, modelVersionId: model.id, model: "offline-extractive-1" });
    expect(done.latencyMs).toBeGreaterThanOrEqual(0);
    // the default of `plan` applies, and the empty `context` variable received the chunks
    expect(done.messages[0].content).toContain("The customer is on Basic.");
    expect(done.messages[0].content).toContain(`${CONTEXT[0]}\n\n${CONTEXT[1]}`);
    expect(done.messages[1]).toEqual({ role: "user", content: "How many days do I have for refunds?" });
  });

  it("applies parameter overrides: max_tokens cuts the answer short", async () => {
    const { slug, auth } = await setup("offline");
    const res = await invoke(post(slug, auth, { prompt: "helpdesk", version: 1, variables: { question: "Refunds?", context: "Refunds are accepted within 30 days of purchase when the receipt is shown." }, params: { max_tokens: 2 } }), slug);
    const done = (await readEvents(res)).at(-1);
    expect(done).toMatchObject({ type: "done", finishReason: "length", usage: { outputTokens: 2 } });
  });

  it("answers 422 naming a missing required variable and an unknown one, before any stream", async () => {
    const { slug, auth } = await setup("offline");
    const res = await invoke(post(slug, auth, { prompt: "helpdesk", variables: { colour: "red" }, contextChunks: CONTEXT }), slug);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/json/);
    const body = await res.json();
    expect(body.error.issues.map((i: { field: string }) => i.field)).toEqual(["variables.colour", "variables.question"]);
    expect(body.error.message).toContain('"question" is required');
  });

  it("answers 404 for another project's prompt and model version", async () => {
    const a = await setup("offline");
    const b = await setup("offline");
    await createPromptVersion(b.as("ADMIN"), parseOrThrow(ZCreatePromptVersion, { ...PROMPT, name: "only-in-b", modelVersionId: b.model.id }));
    const prompt = await invoke(post(a.slug, a.auth, { prompt: "only-in-b", variables: { question: "x", context: "y" } }), a.slug);
    expect(prompt.status).toBe(404);
    const model = await invoke(post(a.slug, a.auth, { prompt: "helpdesk", modelVersionId: b.model.id, variables: { question: "x", context: "y" } }), a.slug);
    expect(model.status).toBe(404);
    expect((await model.json()).error.message).toContain("model version");
    const otherSlug = await invoke(post(b.slug, a.auth, { prompt: "helpdesk", variables: { question: "x", context: "y" } }), b.slug);
    expect(otherSlug.status).toBe(404);
  });

  it("answers 403 to a registry:read key: running costs money", async () => {
    const { slug, auth } = await setup("offline", ["registry:read"]);
    const res = await invoke(post(slug, auth, { prompt: "helpdesk", variables: { question: "x", context: "y" } }), slug);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain("registry:write");
  });

  it("runs with a registry:write key alone", async () => {
    const { slug, auth } = await setup("offline", ["registry:write"]);
    const res = await invoke(post(slug, auth, { prompt: "helpdesk", variables: { question: "Refunds?", context: "Refunds take 30 days." } }), slug);
    expect((await readEvents(res)).at(-1)?.type).toBe("done");
  });

  it("documents the route as a text/event-stream in the OpenAPI document", () => {
    const op = buildOpenApiDocument().paths?.["/api/v1/projects/{project}/playground/runs"]?.post;
    expect(op?.responses?.["200"]).toMatchObject({ content: { "text/event-stream": { schema: expect.anything() } } });
    expect(op?.description).toContain("registry:write");
  });
});

describe("playground runs against an OpenAI-compatible server", () => {
  it("streams the provider's deltas and retries a 429 that says when to come back", async () => {
    const { slug, auth } = await setup("openai");
    openai.reset();
    openai.script({ type: "error", status: 429, headers: { "retry-after": "0" } });
    const res = await invoke(post(slug, auth, { prompt: "helpdesk", variables: { question: "Refunds?", context: "Refunds take 30 days." }, params: { temperature: 0.7 } }), slug);
    const events = await readEvents(res);
    const chats = openai.requests.filter((r) => r.path === "/v1/chat/completions");
    expect(chats).toHaveLength(2);
    expect(chats[1].body).toMatchObject({ stream: true, model: "gpt-4o-2024-08-06", temperature: 0.7, max_tokens: 200 });
    expect(chats[1].headers.authorization).toBe(`Bearer ${KEY}`);
    const deltas = events.filter((e) => e.type === "delta");
    expect(deltas.length).toBeGreaterThan(1);
    const done = events.at(-1);
    expect(done).toMatchObject({ type: "done", text: "Refunds are accepted within 30 days." });
    expect(deltas.map((d) => (d.type === "delta" ? d.text : "")).join("")).toBe("Refunds are accepted within 30 days.");
  });

  it("reports a provider failure mid-stream as an error event, and never the API key", async () => {
    const wrong = "sk-wrong-playground-key-9876543210";
    const { slug, auth } = await setup("openai", ["registry:write"], wrong);
    openai.reset();
    const res = await invoke(post(slug, auth, { prompt: "helpdesk", variables: { question: "Refunds?", context: "c" } }), slug);
    expect(res.status).toBe(200);
    const raw = await res.clone().text();
    expect(raw).not.toContain(wrong);
    const events = await readEvents(res);
    expect(events).toEqual([expect.objectContaining({ type: "error", kind: "auth" })]);
  });

  it("cancels the provider call when the caller goes away, freeing the connection's only slot", async () => {
    const { slug, auth } = await setup("openai");
    openai.reset();
    openai.script({ type: "stall-stream", afterChunks: 2 });
    const caller = new AbortController();
    const body = { prompt: "helpdesk", variables: { question: "Refunds?", context: "c" } };
    const res = await invoke(post(slug, auth, body, caller.signal), slug);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("event: delta");
    caller.abort();
    // the stream ends instead of waiting out the 30 s timeout …
    for (let r = await reader.read(); !r.done; r = await reader.read());
    // … and the connection (maxConcurrency 1) serves the next run at once
    const next = await readEvents(await invoke(post(slug, auth, body), slug));
    expect(next.at(-1)?.type).toBe("done");
  }, 10_000);
});
