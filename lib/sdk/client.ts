import { compile, type CompilablePrompt } from "./compile.js";
import type { FlightdeckError } from "./errors.js";
import type { FetchLike, Transport } from "./http.js";
import { ReleaseCache, type FallbackBundle, type ReleaseErrorContext } from "./releases.js";
import { postFeedback, type FeedbackRetryOptions } from "./feedback.js";
import { postTraces, type RetryOptions } from "./traces.js";
import type { FeedbackInput, FeedbackResult, IngestBatch, IngestResult, PromptMessage, ResolvedRelease } from "./types.js";

export interface FlightdeckOptions {
  /** where Flightdeck runs, e.g. "https://flightdeck.example.com" */
  baseUrl: string;
  /** a project API key: `runtime:read` for getRelease, `traces:write` for sendTraces, `feedback:write` for feedback */
  apiKey: string;
  /** the project's slug */
  project: string;
  /** a fetch implementation (default: the global fetch of Node 20+) */
  fetch?: FetchLike;
  /** how long a resolved release is served without asking the server (default 60,000 ms); after that it is still served while a background request refreshes it */
  cacheTtlMs?: number;
  /** at most this many (environment, request key) entries are cached; the least recently used goes first (default 10,000) */
  cacheMaxEntries?: number;
  /** per environment name: the bundle to serve when the server cannot be reached and nothing is cached */
  fallback?: Record<string, FallbackBundle>;
  /** per request (default 5,000 ms) */
  timeoutMs?: number;
  /** retries of sendTraces and feedback */
  retry?: RetryOptions;
  /** feedback's retries of a 404 (its trace not stored yet); the rest as `retry` */
  feedbackRetry?: Pick<FeedbackRetryOptions, "notFoundAttempts" | "notFoundDelayMs">;
  /** told about failures the SDK answered around (a stale or fallback release was served, or a cached one dropped) */
  onError?: (error: FlightdeckError, context: ReleaseErrorContext) => void;
}

export interface Flightdeck {
  /**
   * The release an environment serves to this request key (stable or canary; the same key always
   * gets the same variant). Served from memory when fresh; when stale, served from memory while a
   * background request revalidates it (with If-None-Match). On a miss the server is asked; if it
   * cannot be reached (network error, timeout, 408/429/5xx) the environment's fallback bundle is served.
   * The answer is shared with other keys that got the same release, and frozen: copy it before changing it.
   *
   * @param env the environment's name, e.g. "production"
   * @param options.key the request key (a user or session id); without it the stable release
   * @throws {FlightdeckApiError} 401 (bad key), 403 (key lacks runtime:read), 404 (unknown project or environment, or nothing deployed)
   * @throws {FlightdeckUnavailableError} the server cannot be reached and there is neither a cached value nor a fallback
   */
  getRelease(env: string, options?: { key?: string }): Promise<ResolvedRelease>;
  /** {@link compile}: renders a prompt's messages exactly as the server does. */
  compile(prompt: CompilablePrompt, variables?: Record<string, unknown>): { messages: PromptMessage[] };
  /**
   * Sends a batch of traces (POST /api/v1/traces) and returns the server's 202 answer. Retries 429
   * (after its Retry-After), 408, 5xx and network failures with exponential backoff.
   *
   * @throws {FlightdeckApiError} 401/403, 413 (batch too large), 422 (invalid: `issues` names the fields), or 429 after the last attempt
   * @throws {FlightdeckUnavailableError} still failing after the last attempt
   */
  sendTraces(batch: IngestBatch): Promise<IngestResult>;
  /**
   * Records an end user's feedback on a trace (POST /api/v1/feedback): thumbs or a score, with an
   * optional comment and corrected answer. One feedback per (trace, sourceId): sending again replaces
   * it (`created` false). A 404 is retried with backoff (about 15 s in all by default), since feedback
   * often arrives before the server has stored its trace; 429 after its Retry-After, 408, 5xx and network failures too.
   *
   * @example
   * await fd.feedback({ traceId, value: { thumbs: "down" }, comment: "Wrong refund amount", sourceId: userHash });
   * @throws {FlightdeckApiError} 401/403 (key lacks feedback:write), 404 (no such trace after the retries), 422 (a score outside its scale: `issues` names it)
   * @throws {FlightdeckUnavailableError} still failing after the last attempt
   */
  feedback(input: FeedbackInput): Promise<FeedbackResult>;
  /** Forgets every cached release. */
  clearCache(): void;
}

/**
 * A Flightdeck client for one project. Create one per process and share it: the release cache lives in it.
 *
 * @example
 * const fd = createFlightdeck({ baseUrl: process.env.FLIGHTDECK_URL!, apiKey: process.env.FLIGHTDECK_API_KEY!, project: "support" });
 * const release = await fd.getRelease("production", { key: userId });
 * const { messages } = fd.compile(release.prompts.answer, { customer: "Acme" });
 */
export function createFlightdeck(options: FlightdeckOptions): Flightdeck {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (!fetchImpl) throw new TypeError("No fetch: run on Node 20+ or pass options.fetch");
  if (!options.baseUrl || !options.apiKey || !options.project) throw new TypeError("createFlightdeck needs baseUrl, apiKey and project");
  const transport: Transport = {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    apiKey: options.apiKey,
    fetch: (input, init) => fetchImpl(input, init),
    timeoutMs: options.timeoutMs ?? 5_000,
  };
  const releases = new ReleaseCache(transport, {
    project: options.project,
    cacheTtlMs: options.cacheTtlMs ?? 60_000,
    cacheMaxEntries: options.cacheMaxEntries ?? 10_000,
    fallback: options.fallback,
    onError: options.onError,
  });
  return {
    getRelease: (env, opts) => releases.get(env, opts?.key),
    compile,
    sendTraces: (batch) => postTraces(transport, batch, options.retry),
    feedback: (input) => postFeedback(transport, input, { ...options.retry, ...options.feedbackRetry }),
    clearCache: () => releases.clear(),
  };
}
