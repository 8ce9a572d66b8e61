import type { ServerResponse } from "node:http";
import {
  endBroken,
  splitIntoDeltas,
  startFakeServer,
  startSse,
  writeSse,
  type FakeExchange,
  type FakeServer,
  type FakeUsage,
} from "./fake-server";

// Speaks Anthropic's Messages API wire format (https://docs.anthropic.com/en/api/messages-streaming):
// /v1/messages (JSON and named SSE events), /v1/models, and {"type":"error","error":{...}} bodies.

export const FAKE_ANTHROPIC_TEXT = "Refunds are accepted within 30 days.";
export const FAKE_ANTHROPIC_MODELS = ["claude-3-5-haiku-20241022", "claude-sonnet-4-20250514"];

export interface FakeAnthropicOptions {
  /** When set, any other x-api-key gets a 401 whose message echoes it (worse than Anthropic, on purpose). */
  apiKey?: string;
}

const ERROR_TYPES: Record<number, [string, string]> = {
  400: ["invalid_request_error", "max_tokens: Field required"],
  401: ["authentication_error", "invalid x-api-key"],
  403: ["permission_error", "Your API key does not have permission to use the specified resource."],
  404: ["not_found_error", "Not found"],
  413: ["request_too_large", "Request exceeds the maximum allowed number of bytes."],
  429: ["rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"],
  500: ["api_error", "Internal server error"],
  529: ["overloaded_error", "Overloaded"],
};

function sendError(res: ServerResponse, status: number, message?: string, headers: Record<string, string> = {}): void {
  const [type, defaultMessage] = ERROR_TYPES[status] ?? ["api_error", "Error"];
  res.writeHead(status, { "content-type": "application/json", "request-id": "req_fake", ...headers });
  res.end(JSON.stringify({ type: "error", error: { type, message: message ?? defaultMessage } }));
}

function usageBody(usage: FakeUsage) {
  return {
    input_tokens: usage.input,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: usage.cached ?? 0,
    output_tokens: usage.output,
  };
}

async function respondMessages({ request, step, res, wait }: FakeExchange): Promise<void> {
  const body = request.body ?? {};
  if (typeof body.max_tokens !== "number") return sendError(res, 400, "max_tokens: Field required");
  if (Array.isArray(body.messages) && body.messages.some((m: { role?: string }) => m.role === "system")) {
    return sendError(res, 400, 'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter');
  }
  const model = String(body.model);
  const ok = step.type === "ok" ? step : { type: "ok" as const };
  const text = ok.text ?? FAKE_ANTHROPIC_TEXT;
  const usage = ok.usage ?? { input: 21, output: splitIntoDeltas(text).length };
  if (ok.delayMs) await wait(ok.delayMs);
  if (res.destroyed) return;

  if (body.stream !== true) {
    if (step.type === "malformed") {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end('{"id":"msg_fake","type":"message","content":[{"type":"te');
    }
    res.writeHead(200, { "content-type": "application/json", "request-id": "req_fake" });
    const message: Record<string, unknown> = {
      id: "msg_fake",
      type: "message",
      role: "assistant",
      model,
      content: [{ type: "text", text }],
      stop_reason: "end_turn",
      stop_sequence: null,
    };
    if (usage !== "omit") message.usage = usageBody(usage);
    return void res.end(JSON.stringify(message));
  }

  startSse(res, { "request-id": "req_fake" });
  const startUsage = usage === "omit" ? undefined : { ...usageBody(usage), output_tokens: 1 };
  writeSse(
    res,
    JSON.stringify({
      type: "message_start",
      message: { id: "msg_fake", type: "message", role: "assistant", content: [], model, stop_reason: null, stop_sequence: null, usage: startUsage },
    }),
    "message_start",
  );
  writeSse(res, JSON.stringify({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }), "content_block_start");
  writeSse(res, JSON.stringify({ type: "ping" }), "ping");
  const deltas = splitIntoDeltas(text);
  const limit = "afterChunks" in step ? step.afterChunks : deltas.length;
  for (const delta of deltas.slice(0, limit)) {
    writeSse(res, JSON.stringify({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: delta } }), "content_block_delta");
  }
  if (step.type === "malformed") return void res.end('event: content_block_delta\ndata: {"type":"content_block_delta","ind\n\n');
  if (step.type === "stream-error") {
    const error = { type: "error", error: { type: "overloaded_error", message: step.message ?? "Overloaded" } };
    writeSse(res, JSON.stringify(error), "error");
    return void res.end();
  }
  if (await endBroken(res, step)) return;
  writeSse(res, JSON.stringify({ type: "content_block_stop", index: 0 }), "content_block_stop");
  const deltaUsage = usage === "omit" ? undefined : { output_tokens: usage.output };
  writeSse(res, JSON.stringify({ type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: deltaUsage }), "message_delta");
  writeSse(res, JSON.stringify({ type: "message_stop" }), "message_stop");
  res.end();
}

export async function startFakeAnthropicServer(options: FakeAnthropicOptions = {}): Promise<FakeServer & { baseUrl: string }> {
  const server = await startFakeServer({
    routes: ["POST /v1/messages", "GET /v1/models"],
    notFound: (res, path) => sendError(res, 404, `Not found: ${path}`),
    async respond(exchange) {
      const { request, step, res } = exchange;
      const key = request.headers["x-api-key"];
      if (options.apiKey && key !== options.apiKey) return sendError(res, 401, `invalid x-api-key: ${String(key)}`);
      if (request.headers["anthropic-version"] !== "2023-06-01") {
        return sendError(res, 400, "anthropic-version: header is required");
      }
      if (step.type === "error") return sendError(res, step.status, step.message, step.headers);
      if (request.path === "/v1/models") {
        res.writeHead(200, { "content-type": "application/json" });
        const data = FAKE_ANTHROPIC_MODELS.map((id) => ({ type: "model", id, display_name: id, created_at: "2025-01-01T00:00:00Z" }));
        return void res.end(JSON.stringify({ data, has_more: false, first_id: data[0].id, last_id: data[data.length - 1].id }));
      }
      return respondMessages(exchange);
    },
  });
  return Object.defineProperty(server, "baseUrl", { value: server.origin, enumerable: true }) as FakeServer & { baseUrl: string };
}
