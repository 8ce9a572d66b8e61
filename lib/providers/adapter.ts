import type { z } from "zod";
import { ProviderError } from "./errors";
import type { AttemptContext } from "./http";
import { countChatTokens, countTokens } from "./tokens";
import type { ChatRequest, ChatResult, EmbeddingRequest, EmbeddingResult, FinishReason, Usage } from "./types";

/** A result before the client stamps the latency it measured. */
export type ChatOutcome = Omit<ChatResult, "latencyMs">;
export type EmbeddingOutcome = Omit<EmbeddingResult, "latencyMs">;
export type AdapterStreamEvent = { type: "delta"; text: string } | { type: "done"; result: ChatOutcome };

/** One protocol. The client adds retries, the concurrency limit, deadlines, latency and redaction. */
export interface ProviderAdapter {
  chat(req: ChatRequest, ctx: AttemptContext): Promise<ChatOutcome>;
  /** Resolves once the response head is a 2xx, so failures up to there can be retried. */
  openStream(req: ChatRequest, ctx: AttemptContext): Promise<AsyncIterable<AdapterStreamEvent>>;
  embed(req: EmbeddingRequest, ctx: AttemptContext): Promise<EmbeddingOutcome>;
  listModels(ctx: AttemptContext): Promise<string[]>;
}

export interface ReportedUsage {
  inputTokens?: number | null;
  outputTokens?: number | null;
  cachedTokens?: number | null;
}

/** Fills whatever the provider did not report with local counts, and says so. */
export function completeUsage(reported: ReportedUsage | undefined, req: ChatRequest, text: string): Usage {
  const inputReported = typeof reported?.inputTokens === "number";
  const outputReported = typeof reported?.outputTokens === "number";
  const usage: Usage = {
    inputTokens: inputReported ? (reported!.inputTokens as number) : countChatTokens(req.messages),
    outputTokens: outputReported ? (reported!.outputTokens as number) : countTokens(text),
    estimated: !inputReported || !outputReported,
  };
  if (typeof reported?.cachedTokens === "number") usage.cachedTokens = reported.cachedTokens;
  return usage;
}

const FINISH_REASONS: Record<string, FinishReason> = {
  // OpenAI
  stop: "stop",
  length: "length",
  content_filter: "content_filter",
  tool_calls: "tool_calls",
  function_call: "tool_calls",
  // Anthropic
  end_turn: "stop",
  stop_sequence: "stop",
  max_tokens: "length",
  tool_use: "tool_calls",
  refusal: "content_filter",
};

export function normaliseFinishReason(raw: string | null | undefined): FinishReason {
  if (!raw) return "unknown";
  return FINISH_REASONS[raw] ?? "other";
}

/** Validates a provider body against the fields we read; anything else is "malformed". */
export function parseShape<S extends z.ZodType>(schema: S, value: unknown, providerName: string, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "(body)";
  throw new ProviderError("malformed", `${providerName} sent an unexpected ${what}: ${where}: ${issue?.message ?? "invalid"}`);
}
