import { z } from "zod";
import { completeUsage, normaliseFinishReason, parseShape, type AdapterStreamEvent, type ProviderAdapter, type ReportedUsage } from "./adapter";
import { ProviderError, errorFromAnthropicType } from "./errors";
import { joinUrl, parseEventData, readJson, readSse, send, type AttemptContext } from "./http";
import type { ChatRequest } from "./types";

// Anthropic Messages API (https://docs.anthropic.com/en/api/messages), version 2023-06-01.

const NAME = "Anthropic";
export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";
export const ANTHROPIC_VERSION = "2023-06-01";
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

const ZUsage = z
  .object({
    input_tokens: z.number().nullish(),
    output_tokens: z.number().nullish(),
    cache_read_input_tokens: z.number().nullish(),
    cache_creation_input_tokens: z.number().nullish(),
  })
  .nullish();

const ZMessage = z.object({
  model: z.string().nullish(),
  content: z.array(z.object({ type: z.string(), text: z.string().nullish() })),
  stop_reason: z.string().nullish(),
  usage: ZUsage,
});

const ZStreamEvent = z.object({
  type: z.string(),
  message: z.object({ model: z.string().nullish(), usage: ZUsage }).nullish(),
  delta: z.object({ type: z.string().nullish(), text: z.string().nullish(), stop_reason: z.string().nullish() }).nullish(),
  usage: ZUsage,
  error: z.object({ type: z.string(), message: z.string() }).nullish(),
});

const ZModels = z.object({ data: z.array(z.object({ id: z.string() })) });

type AnthropicUsage = z.infer<typeof ZUsage>;

/** Anthropic's input_tokens excludes cache reads and writes; our inputTokens includes them (see Usage). */
function mergeUsage(into: ReportedUsage, usage: AnthropicUsage): void {
  if (!usage) return;
  if (typeof usage.input_tokens === "number") {
    const cacheRead = usage.cache_read_input_tokens ?? 0;
    into.inputTokens = usage.input_tokens + cacheRead + (usage.cache_creation_input_tokens ?? 0);
    if (typeof usage.cache_read_input_tokens === "number") into.cachedTokens = cacheRead;
  }
  if (typeof usage.output_tokens === "number") into.outputTokens = usage.output_tokens;
}

/** Anthropic has no response_format; JSON output is asked for in the system prompt instead. */
function jsonInstruction(req: ChatRequest): string | undefined {
  const format = req.response_format;
  if (!format || format.type === "text") return undefined;
  const base = "Respond with a single JSON object only: no prose, no code fences.";
  if (format.type === "json_object") return base;
  return `${base} It must conform to this JSON Schema (${format.json_schema.name}):\n${JSON.stringify(format.json_schema.schema)}`;
}

export function buildAnthropicBody(req: ChatRequest, stream: boolean): Record<string, unknown> {
  const system = req.messages.filter((m) => m.role === "system").map((m) => m.content);
  const instruction = jsonInstruction(req);
  if (instruction) system.push(instruction);
  const messages = req.messages.filter((m) => m.role !== "system").map(({ role, content }) => ({ role, content }));
  if (messages.length === 0) {
    throw new ProviderError("bad_request", "Anthropic needs at least one user or assistant message besides the system prompt");
  }
  const body: Record<string, unknown> = {
    model: req.model,
    max_tokens: req.max_tokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    messages,
  };
  if (system.length) body.system = system.join("\n\n");
  if (req.temperature !== undefined) body.temperature = req.temperature;
  if (req.top_p !== undefined) body.top_p = req.top_p;
  if (req.stop?.length) body.stop_sequences = req.stop;
  if (stream) body.stream = true;
  return body;
}

/** Accepts "https://api.anthropic.com" as well as ".../v1", which people copy from the docs. */
export function anthropicUrl(baseUrl: string, path: string): string {
  const hasVersion = /\/v1\/?$/.test(new URL(baseUrl).pathname);
  return joinUrl(baseUrl, hasVersion ? path : `v1/${path}`);
}

export function createAnthropicAdapter(config: { baseUrl?: string; apiKey?: string }): ProviderAdapter {
  const baseUrl = config.baseUrl || ANTHROPIC_DEFAULT_BASE_URL;
  const headers: Record<string, string> = { "anthropic-version": ANTHROPIC_VERSION, accept: "application/json" };
  if (config.apiKey) headers["x-api-key"] = config.apiKey;
  const postMessages = (ctx: AttemptContext, body: unknown, accept: string) => {
    const url = anthropicUrl(baseUrl, "messages");
    return send(ctx, url, { method: "POST", headers: { ...headers, accept }, body, providerName: NAME }).then((res) => ({ res, url }));
  };

  return {
    async chat(req, ctx) {
      const { res, url } = await postMessages(ctx, buildAnthropicBody(req, false), "application/json");
      const body = parseShape(ZMessage, await readJson(res, ctx, url, NAME), NAME, "message");
      const text = body.content.map((block) => (block.type === "text" ? (block.text ?? "") : "")).join("");
      const usage: ReportedUsage = {};
      mergeUsage(usage, body.usage);
      return {
        text,
        usage: completeUsage(usage, req, text),
        finishReason: normaliseFinishReason(body.stop_reason),
        model: body.model ?? req.model,
      };
    },

    async openStream(req, ctx) {
      const { res, url } = await postMessages(ctx, buildAnthropicBody(req, true), "text/event-stream");
      return streamEvents(req, readSse(res, ctx, url, NAME));
    },

    async embed() {
      throw new ProviderError(
        "bad_request",
        "Anthropic offers no embeddings API; use an OpenAI-compatible or the offline connection for embeddings",
      );
    },

    async listModels(ctx) {
      const url = `${anthropicUrl(baseUrl, "models")}?limit=1000`;
      const res = await send(ctx, url, { method: "GET", headers, providerName: NAME });
      const parsed = parseShape(ZModels, await readJson(res, ctx, url, NAME), NAME, "model list");
      return parsed.data.map((m) => m.id).sort();
    },
  };
}

async function* streamEvents(req: ChatRequest, events: AsyncIterable<{ event: string; data: string }>): AsyncGenerator<AdapterStreamEvent> {
  let text = "";
  let model: string | undefined;
  let stopReason: string | undefined;
  const usage: ReportedUsage = {};
  for await (const { data } of events) {
    const event = parseShape(ZStreamEvent, parseEventData(data, NAME), NAME, "stream event");
    switch (event.type) {
      case "message_start":
        model = event.message?.model ?? model;
        mergeUsage(usage, event.message?.usage);
        break;
      case "content_block_delta":
        if (event.delta?.type === "text_delta" && event.delta.text) {
          text += event.delta.text;
          yield { type: "delta", text: event.delta.text };
        }
        break;
      case "message_delta":
        stopReason = event.delta?.stop_reason ?? stopReason;
        mergeUsage(usage, event.usage);
        break;
      case "error":
        throw errorFromAnthropicType(event.error?.type ?? "api_error", event.error?.message ?? "unknown error");
      case "message_stop":
        yield {
          type: "done",
          result: { text, usage: completeUsage(usage, req, text), finishReason: normaliseFinishReason(stopReason), model: model ?? req.model },
        };
        return;
      default:
        // ping, content_block_start/stop and event types added later carry nothing we need.
        break;
    }
  }
  throw new ProviderError("malformed", `${NAME} stream ended before message_stop`);
}
