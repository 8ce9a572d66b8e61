import type { ServerResponse } from "node:http";
import {
  endBroken,
  splitIntoDeltas,
  startFakeServer,
  startSse,
  writeSse,
  type FakeExchange,
  type FakeServer,
  type FakeStep,
  type FakeUsage,
} from "./fake-server";

// Speaks OpenAI's wire format (https://platform.openai.com/docs/api-reference/chat):
// /v1/chat/completions (JSON and SSE), /v1/embeddings, /v1/models, and {"error":{...}} bodies.

export const FAKE_OPENAI_TEXT = "Refunds are accepted within 30 days.";
export const FAKE_OPENAI_MODEL_SUFFIX = "-2024-08-06";
export const FAKE_EMBEDDING_DIMENSIONS = 8;
export const FAKE_OPENAI_MODELS = ["gpt-4o-2024-08-06", "text-embedding-3-small"];

export interface FakeOpenAIOptions {
  /** When set, any other bearer token gets a 401 whose message echoes it (worse than OpenAI, on purpose). */
  apiKey?: string;
}

const ERROR_SHAPES: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: "invalid_request_error", code: null, message: "Invalid value for 'temperature'." },
  401: { type: "invalid_request_error", code: "invalid_api_key", message: "Incorrect API key provided." },
  404: { type: "invalid_request_error", code: "model_not_found", message: "The model does not exist." },
  429: { type: "requests", code: "rate_limit_exceeded", message: "Rate limit reached for requests." },
  500: { type: "server_error", code: null, message: "The server had an error while processing your request." },
  503: { type: "server_error", code: null, message: "The engine is currently overloaded." },
};

function sendError(res: ServerResponse, status: number, message?: string, code?: string, headers: Record<string, string> = {}): void {
  const shape = ERROR_SHAPES[status] ?? { type: "invalid_request_error", code: null, message: "Error." };
  res.writeHead(status, { "content-type": "application/json", "x-request-id": "req_fake", ...headers });
  res.end(JSON.stringify({ error: { message: message ?? shape.message, type: shape.type, param: null, code: code ?? shape.code } }));
}

function usageBody(usage: FakeUsage) {
  return {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
    prompt_tokens_details: { cached_tokens: usage.cached ?? 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
  };
}

function defaultUsage(text: string): FakeUsage {
  return { input: 17, output: splitIntoDeltas(text).length };
}

async function respondChat({ request, step, res, wait }: FakeExchange): Promise<void> {
  const body = request.body ?? {};
  const model = `${String(body.model)}${FAKE_OPENAI_MODEL_SUFFIX}`;
  const ok = step.type === "ok" ? step : { type: "ok" as const };
  const text = ok.text ?? FAKE_OPENAI_TEXT;
  const usage = ok.usage ?? defaultUsage(text);
  const created = 1_700_000_000;
  if (ok.delayMs) await wait(ok.delayMs);
  if (res.destroyed) return;

  if (body.stream !== true) {
    if (step.type === "malformed") {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end('{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"index":0,');
    }
    res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_fake" });
    const completion: Record<string, unknown> = {
      id: "chatcmpl-fake",
      object: "chat.completion",
      created,
      model,
      choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, logprobs: null, finish_reason: "stop" }],
      system_fingerprint: "fp_fake",
    };
    if (usage !== "omit") completion.usage = usageBody(usage);
    return void res.end(JSON.stringify(completion));
  }

  const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: "chatcmpl-fake",
      object: "chat.completion.chunk",
      created,
      model,
      system_fingerprint: "fp_fake",
      choices,
      ...(includeUsage ? { usage: null } : {}),
      ...extra,
    });
  startSse(res, { "x-request-id": "req_fake" });
  writeSse(res, chunk([{ index: 0, delta: { role: "assistant", content: "", refusal: null }, logprobs: null, finish_reason: null }]));
  const deltas = splitIntoDeltas(text);
  const limit = "afterChunks" in step ? step.afterChunks : deltas.length;
  for (const delta of deltas.slice(0, limit)) {
    writeSse(res, chunk([{ index: 0, delta: { content: delta }, logprobs: null, finish_reason: null }]));
  }
  if (step.type === "malformed") return void res.end("data: {\"id\":\"chatcmpl-fake\",\"choices\":[{\n\n");
  if (step.type === "stream-error") {
    writeSse(res, JSON.stringify({ error: { message: step.message ?? "upstream model crashed", type: "server_error", code: null } }));
    return void res.end();
  }
  if (await endBroken(res, step)) return;
  writeSse(res, chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: "stop" }]));
  if (includeUsage && usage !== "omit") writeSse(res, chunk([], { usage: usageBody(usage) }));
  writeSse(res, "[DONE]");
  res.end();
}

function respondEmbeddings({ request, res }: FakeExchange): void {
  const input = request.body?.input;
  const inputs = Array.isArray(input) ? input.map(String) : [String(input)];
  const dimensions = typeof request.body?.dimensions === "number" ? request.body.dimensions : FAKE_EMBEDDING_DIMENSIONS;
  // Listed last-first: the API promises `index`, not order, so clients must sort.
  const data = inputs
    .map((text, index) => ({
      object: "embedding",
      index,
      embedding: Array.from({ length: dimensions }, (_, d) => (d === 0 ? text.length : index + d / 100)),
    }))
    .reverse();
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ object: "list", data, model: request.body?.model, usage: { prompt_tokens: inputs.length * 3, total_tokens: inputs.length * 3 } }));
}

export async function startFakeOpenAIServer(options: FakeOpenAIOptions = {}): Promise<FakeServer & { baseUrl: string }> {
  const server = await startFakeServer({
    routes: ["POST /v1/chat/completions", "POST /v1/embeddings", "GET /v1/models"],
    notFound: (res, path) => sendError(res, 404, `Unknown request URL: ${path}.`, "unknown_url"),
    async respond(exchange) {
      const { request, step, res } = exchange;
      const auth = request.headers.authorization ?? "";
      if (options.apiKey && auth !== `Bearer ${options.apiKey}`) {
        return sendError(res, 401, `Incorrect API key provided: ${auth.replace(/^Bearer /, "")}.`);
      }
      if (step.type === "error") return sendError(res, step.status, step.message, step.code, step.headers);
      if (request.path === "/v1/models") {
        res.writeHead(200, { "content-type": "application/json" });
        const data = FAKE_OPENAI_MODELS.map((id) => ({ id, object: "model", created: 1_700_000_000, owned_by: "system" }));
        return void res.end(JSON.stringify({ object: "list", data }));
      }
      if (request.path === "/v1/embeddings") return respondEmbeddings(exchange);
      return respondChat(exchange);
    },
  });
  return Object.defineProperty(server, "baseUrl", { value: `${server.origin}/v1`, enumerable: true }) as FakeServer & { baseUrl: string };
}

export type { FakeStep };
