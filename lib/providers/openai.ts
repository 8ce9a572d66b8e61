import { z } from "zod";
import { completeUsage, normaliseFinishReason, parseShape, type AdapterStreamEvent, type ProviderAdapter } from "./adapter";
import { ProviderError, readErrorBody } from "./errors";
import { joinUrl, parseEventData, readJson, readSse, send, type AttemptContext } from "./http";
import { countTokens } from "./tokens";
import type { ChatRequest } from "./types";

// OpenAI Chat Completions, Embeddings and Models, as also spoken by vLLM, Ollama, LM Studio,
// llama.cpp server, Together, Groq, Mistral and DeepSeek.

const NAME = "OpenAI-compatible server";
export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

const ZUsage = z
  .object({
    prompt_tokens: z.number().nullish(),
    completion_tokens: z.number().nullish(),
    prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
  })
  .nullish();

const ZCompletion = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: ZUsage,
});

const ZChunk = z.object({
  model: z.string().nullish(),
  choices: z
    .array(z.object({ delta: z.object({ content: z.string().nullish() }).nullish(), finish_reason: z.string().nullish() }))
    .nullish(),
  usage: ZUsage,
});

const ZEmbeddings = z.object({
  model: z.string().nullish(),
  data: z.array(z.object({ index: z.number(), embedding: z.array(z.number()) })),
  usage: z.object({ prompt_tokens: z.number().nullish() }).nullish(),
});

const ZModels = z.object({ data: z.array(z.object({ id: z.string() })) });

type Usage = z.infer<typeof ZUsage>;

function reportedUsage(usage: Usage) {
  return usage
    ? {
        inputTokens: usage.prompt_tokens,
        outputTokens: usage.completion_tokens,
        cachedTokens: usage.prompt_tokens_details?.cached_tokens,
      }
    : undefined;
}

/** OpenAI itself rejects max_tokens for reasoning models; most compatible servers only know max_tokens. */
function tokenLimitField(baseUrl: string): "max_tokens" | "max_completion_tokens" {
  return new URL(baseUrl).hostname === "api.openai.com" ? "max_completion_tokens" : "max_tokens";
}

export function buildOpenAIChatBody(req: ChatRequest, baseUrl: string, stream: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: req.model,
    messages: req.messages.map(({ role, content }) => ({ role, content })),
  };
  if (req.temperature !== undefined) body.temperature = req.temperature;
  if (req.top_p !== undefined) body.top_p = req.top_p;
  if (req.max_tokens !== undefined) body[tokenLimitField(baseUrl)] = req.max_tokens;
  if (req.stop?.length) body.stop = req.stop;
  if (req.response_format) body.response_format = req.response_format;
  if (stream) {
    body.stream = true;
    // Without this OpenAI sends no usage in streams; servers that ignore it are counted locally.
    body.stream_options = { include_usage: true };
  }
  return body;
}

export function createOpenAIAdapter(config: { baseUrl?: string; apiKey?: string }): ProviderAdapter {
  const baseUrl = config.baseUrl || OPENAI_DEFAULT_BASE_URL;
  const headers: Record<string, string> = { accept: "application/json" };
  // Local servers (Ollama, llama.cpp) need no key; send none rather than an empty bearer.
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
  const post = (ctx: AttemptContext, path: string, body: unknown, accept = "application/json") => {
    const url = joinUrl(baseUrl, path);
    return send(ctx, url, { method: "POST", headers: { ...headers, accept }, body, providerName: NAME }).then((res) => ({ res, url }));
  };

  return {
    async chat(req, ctx) {
      const { res, url } = await post(ctx, "chat/completions", buildOpenAIChatBody(req, baseUrl, false));
      const body = parseShape(ZCompletion, await readJson(res, ctx, url, NAME), NAME, "chat completion");
      const choice = body.choices[0];
      const text = choice.message.content ?? choice.message.refusal ?? "";
      return {
        text,
        usage: completeUsage(reportedUsage(body.usage), req, text),
        finishReason: normaliseFinishReason(choice.finish_reason),
        model: body.model ?? req.model,
      };
    },

    async openStream(req, ctx) {
      const { res, url } = await post(ctx, "chat/completions", buildOpenAIChatBody(req, baseUrl, true), "text/event-stream");
      return streamEvents(req, readSse(res, ctx, url, NAME));
    },

    async embed(req, ctx) {
      const body: Record<string, unknown> = { model: req.model, input: req.input, encoding_format: "float" };
      if (req.dimensions !== undefined) body.dimensions = req.dimensions;
      const { res, url } = await post(ctx, "embeddings", body);
      const parsed = parseShape(ZEmbeddings, await readJson(res, ctx, url, NAME), NAME, "embeddings response");
      if (parsed.data.length !== req.input.length) {
        throw new ProviderError("malformed", `${NAME} returned ${parsed.data.length} embeddings for ${req.input.length} inputs`);
      }
      const vectors = [...parsed.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
      const reported = parsed.usage?.prompt_tokens;
      return {
        vectors,
        model: parsed.model ?? req.model,
        usage:
          typeof reported === "number"
            ? { inputTokens: reported, estimated: false }
            : { inputTokens: req.input.reduce((sum, text) => sum + countTokens(text), 0), estimated: true },
      };
    },

    async listModels(ctx) {
      const url = joinUrl(baseUrl, "models");
      const res = await send(ctx, url, { method: "GET", headers, providerName: NAME });
      const parsed = parseShape(ZModels, await readJson(res, ctx, url, NAME), NAME, "model list");
      return parsed.data.map((m) => m.id).sort();
    },
  };
}

async function* streamEvents(req: ChatRequest, events: AsyncIterable<{ data: string }>): AsyncGenerator<AdapterStreamEvent> {
  let text = "";
  let model: string | undefined;
  let finishReason: string | undefined;
  let usage: Usage;
  let done = false;
  for await (const event of events) {
    if (event.data.trim() === "[DONE]") {
      done = true;
      break;
    }
    const data = parseEventData(event.data, NAME);
    // vLLM, OpenRouter and others report failures after the 200 as an {"error": ...} chunk.
    if (data && typeof data === "object" && "error" in data) {
      const { message, code } = readErrorBody(event.data);
      throw new ProviderError("server_error", `${NAME} stream error: ${message ?? "unknown"}`, { providerCode: code });
    }
    const chunk = parseShape(ZChunk, data, NAME, "stream chunk");
    model = chunk.model ?? model;
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices ?? []) {
      if (choice.finish_reason) finishReason = choice.finish_reason;
      const delta = choice.delta?.content;
      if (delta) {
        text += delta;
        yield { type: "delta", text: delta };
      }
    }
  }
  // Some servers omit [DONE]; a finish_reason proves the answer is complete anyway.
  if (!done && !finishReason) throw new ProviderError("malformed", `${NAME} stream ended before the answer was complete`);
  yield {
    type: "done",
    result: {
      text,
      usage: completeUsage(reportedUsage(usage), req, text),
      finishReason: normaliseFinishReason(finishReason),
      model: model ?? req.model,
    },
  };
}
