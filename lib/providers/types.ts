// Shapes shared by every provider adapter and by the callers (playground, evals, gateway).
// Field names follow the OpenAI Chat Completions request so prompt parameters map 1:1.

export type ChatRole = "system" | "user" | "assistant";

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export type ResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean } };

export interface ChatRequest {
  /** The provider's own model id, pinned (e.g. "gpt-4o-2024-08-06"). */
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  stop?: string[];
  response_format?: ResponseFormat;
  /** Retrieved chunks. Only the offline provider reads them; real models get them through the prompt. */
  context?: string[];
}

export interface Usage {
  /** All input tokens, cached ones included (Anthropic's cache reads/writes are added in). */
  inputTokens: number;
  outputTokens: number;
  /** The part of inputTokens served from the provider's prompt cache, when reported. */
  cachedTokens?: number;
  /** True when some count was made locally with gpt-tokenizer because the provider reported none. */
  estimated: boolean;
}

export type FinishReason = "stop" | "length" | "content_filter" | "tool_calls" | "other" | "unknown";

export interface ChatResult {
  text: string;
  usage: Usage;
  finishReason: FinishReason;
  /** Wall time of the successful attempt, from sending the request to the last byte. */
  latencyMs: number;
  /** The model id the provider says answered (may be more specific than the requested one). */
  model: string;
}

export type ChatStreamEvent = { type: "delta"; text: string } | { type: "done"; result: ChatResult };

export interface EmbeddingRequest {
  model: string;
  input: string[];
  /** Only for models that support shortening (OpenAI text-embedding-3-*, the offline vectorizer). */
  dimensions?: number;
}

export interface EmbeddingResult {
  /** One vector per input, in input order. */
  vectors: number[][];
  usage: { inputTokens: number; estimated: boolean };
  model: string;
  latencyMs: number;
}

export type ProviderKind = "openai" | "anthropic" | "offline";

export interface ConnectionConfig {
  /** The connection's id; requests of all clients with the same id share one concurrency limit. */
  id?: string;
  kind: ProviderKind;
  /** e.g. "https://api.openai.com/v1", "http://localhost:11434/v1", "https://api.anthropic.com". */
  baseUrl?: string;
  /** Plaintext, decrypted by the caller. Never logged or put into an error message. */
  apiKey?: string;
  /** Per attempt; for streams, the longest silence allowed between two chunks. */
  timeoutMs: number;
  maxConcurrency: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ConnectionTestResult {
  ok: boolean;
  latencyMs: number;
  models?: string[];
  message: string;
}
