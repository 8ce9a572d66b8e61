import { randomUUID } from "node:crypto";
import type { ProviderAdapter } from "./adapter";
import { createAnthropicAdapter } from "./anthropic";
import { ProviderError, isProviderError, redactSecret } from "./errors";
import type { AttemptContext } from "./http";
import { KeyedSemaphore, sharedSemaphore, startDeadline, withTimeout } from "./limiter";
import { createOfflineAdapter } from "./offline";
import { createOpenAIAdapter } from "./openai";
import { withRetries, type RetryPolicy } from "./retry";
import type {
  CallOptions,
  ChatRequest,
  ChatResult,
  ChatStreamEvent,
  ConnectionConfig,
  ConnectionTestResult,
  EmbeddingRequest,
  EmbeddingResult,
  ProviderKind,
} from "./types";

export interface ProviderClientOptions {
  /** Replaces global fetch, e.g. with one that applies the outbound URL guard after DNS resolution. */
  fetch?: typeof fetch;
  /** Overrides of DEFAULT_RETRY_POLICY (3 attempts, 500 ms base, 8 s cap, retry-after up to 60 s). */
  retry?: Partial<RetryPolicy>;
  /** Defaults to the process-wide one, so every client of one connection id shares its limit. */
  semaphore?: KeyedSemaphore;
}

export interface ProviderClient {
  readonly kind: ProviderKind;
  /** The connection's limit of calls in flight at once (shared by every client of the connection). */
  readonly maxConcurrency: number;
  chat(req: ChatRequest, options?: CallOptions): Promise<ChatResult>;
  /** Text deltas, then exactly one "done" event with the whole ChatResult. Breaking out early frees the slot. */
  chatStream(req: ChatRequest, options?: CallOptions): AsyncIterable<ChatStreamEvent>;
  embed(req: EmbeddingRequest, options?: CallOptions): Promise<EmbeddingResult>;
  listModels(options?: CallOptions): Promise<string[]>;
  /** Never throws: lists models, or (when listing is unsupported and a model is named) runs a one-token completion. */
  testConnection(options?: CallOptions & { model?: string }): Promise<ConnectionTestResult>;
}

function createAdapter(config: ConnectionConfig): ProviderAdapter {
  switch (config.kind) {
    case "openai":
      return createOpenAIAdapter(config);
    case "anthropic":
      return createAnthropicAdapter(config);
    case "offline":
      return createOfflineAdapter();
    default:
      throw new ProviderError("bad_request", `Unknown provider kind "${String((config as { kind: unknown }).kind)}"`);
  }
}

function validateConfig(config: ConnectionConfig): void {
  if (!Number.isFinite(config.timeoutMs) || config.timeoutMs <= 0) {
    throw new ProviderError("bad_request", "timeoutMs must be a positive number");
  }
  if (!Number.isInteger(config.maxConcurrency) || config.maxConcurrency < 1) {
    throw new ProviderError("bad_request", "maxConcurrency must be a whole number of at least 1");
  }
  if (config.baseUrl !== undefined && config.kind !== "offline") {
    let url: URL;
    try {
      url = new URL(config.baseUrl);
    } catch {
      throw new ProviderError("bad_request", "The base URL is not a valid URL");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new ProviderError("bad_request", "The base URL must start with http:// or https://");
    }
  }
}

const elapsedSince = (started: number) => Math.round(performance.now() - started);

/** Listing is "unsupported" when the route does not exist (llama.cpp builds, some gateways). */
function listingUnsupported(err: unknown): boolean {
  return isProviderError(err) && err.kind === "bad_request" && [404, 405, 501].includes(err.status ?? 0);
}

export function createProviderClient(config: ConnectionConfig, options: ProviderClientOptions = {}): ProviderClient {
  validateConfig(config);
  const adapter = createAdapter(config);
  const key = config.id ?? `unnamed:${randomUUID()}`;
  const semaphore = options.semaphore ?? sharedSemaphore;
  const fetchImpl = options.fetch ?? globalThis.fetch;

  // Every error leaving the client passes here: a provider that echoes the key must not leak it.
  const sanitize = (err: unknown): unknown =>
    isProviderError(err) && config.apiKey && err.message.includes(config.apiKey)
      ? err.withMessage(redactSecret(err.message, config.apiKey))
      : err;

  /** One attempt: wait for a slot, then run under a fresh deadline. Queueing does not count toward the timeout. */
  const attempt = <T>(fn: (ctx: AttemptContext) => Promise<T>, signal?: AbortSignal): Promise<T> =>
    semaphore.run(
      key,
      config.maxConcurrency,
      () => withTimeout(config.timeoutMs, (attemptSignal) => fn({ fetch: fetchImpl, signal: attemptSignal, touch: () => {} }), signal),
      signal,
    );

  const call = async <T>(fn: (ctx: AttemptContext) => Promise<T>, signal?: AbortSignal, retry?: Partial<RetryPolicy>): Promise<T> => {
    try {
      return await withRetries(() => attempt(fn, signal), { ...options.retry, ...retry, signal });
    } catch (err) {
      throw sanitize(err);
    }
  };

  async function* stream(req: ChatRequest, signal?: AbortSignal): AsyncGenerator<ChatStreamEvent> {
    // Retries cover everything up to a 2xx response head; once text has flowed, a failure is final.
    const opened = await withRetries(async () => {
      const release = await semaphore.acquire(key, config.maxConcurrency, signal);
      const deadline = startDeadline(config.timeoutMs, signal);
      const started = performance.now();
      try {
        const events = await adapter.openStream(req, { fetch: fetchImpl, signal: deadline.signal, touch: deadline.touch });
        return { events, release, deadline, started };
      } catch (err) {
        deadline.clear();
        release();
        throw err;
      }
    }, { ...options.retry, signal }).catch((err: unknown) => {
      throw sanitize(err);
    });
    try {
      for await (const event of opened.events) {
        yield event.type === "done" ? { type: "done", result: { ...event.result, latencyMs: elapsedSince(opened.started) } } : event;
      }
    } catch (err) {
      throw sanitize(err);
    } finally {
      opened.deadline.clear();
      opened.release();
    }
  }

  const client: ProviderClient = {
    kind: config.kind,
    maxConcurrency: config.maxConcurrency,

    chat: (req, callOptions = {}) =>
      call(async (ctx) => {
        const started = performance.now();
        const outcome = await adapter.chat(req, ctx);
        return { ...outcome, latencyMs: elapsedSince(started) };
      }, callOptions.signal),

    chatStream: (req, callOptions = {}) => ({ [Symbol.asyncIterator]: () => stream(req, callOptions.signal) }),

    embed: (req, callOptions = {}) =>
      call(async (ctx) => {
        const started = performance.now();
        const outcome = await adapter.embed(req, ctx);
        return { ...outcome, latencyMs: elapsedSince(started) };
      }, callOptions.signal),

    listModels: (callOptions = {}) => call((ctx) => adapter.listModels(ctx), callOptions.signal),

    async testConnection({ model, signal } = {}) {
      // One attempt: the person pressing the button wants to see what happens now, not after backoff.
      const once = { maxAttempts: 1 };
      const started = performance.now();
      try {
        const models = await call((ctx) => adapter.listModels(ctx), signal, once);
        return { ok: true, latencyMs: elapsedSince(started), models, message: `Connected; the provider lists ${models.length} models` };
      } catch (listError) {
        if (!listingUnsupported(listError)) {
          return { ok: false, latencyMs: elapsedSince(started), message: errorMessage(listError) };
        }
        if (!model) {
          return {
            ok: false,
            latencyMs: elapsedSince(started),
            message: "The provider does not list models; name a model id to test with a one-token completion",
          };
        }
      }
      const completionStarted = performance.now();
      try {
        const probe: ChatRequest = { model, messages: [{ role: "user", content: "ping" }], max_tokens: 1 };
        await call((ctx) => adapter.chat(probe, ctx), signal, once);
        return {
          ok: true,
          latencyMs: elapsedSince(completionStarted),
          message: `Connected; the provider does not list models, but a one-token completion with "${model}" succeeded`,
        };
      } catch (err) {
        return { ok: false, latencyMs: elapsedSince(completionStarted), message: errorMessage(err) };
      }
    },
  };
  return client;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
