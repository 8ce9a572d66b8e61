import { FlightdeckApiError, FlightdeckUnavailableError, type FieldIssue } from "./errors.js";

/** The subset of the WHATWG `fetch` the SDK uses (Node 20's global fetch, undici, or a test double). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface Transport {
  baseUrl: string;
  apiKey: string;
  fetch: FetchLike;
  timeoutMs: number;
}

/**
 * One HTTP request with the API key. A network failure or timeout becomes a FlightdeckUnavailableError;
 * any answer, error status included, is returned for the caller to judge.
 */
export async function request(t: Transport, method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  try {
    return await t.fetch(`${t.baseUrl}${path}`, {
      method,
      body: init.body,
      headers: { accept: "application/json", authorization: `Bearer ${t.apiKey}`, ...init.headers },
      signal: AbortSignal.timeout(t.timeoutMs),
    });
  } catch (err) {
    const timedOut = (err as { name?: string }).name === "TimeoutError";
    const reason = timedOut ? `no answer within ${t.timeoutMs} ms` : (err as Error).message;
    throw new FlightdeckUnavailableError(`Flightdeck at ${t.baseUrl} could not be reached (${method} ${path}): ${reason}`, undefined, { cause: err });
  }
}

/** Statuses that say "not now" rather than "no": the same request may succeed later. */
export const isTransient = (status: number) => status === 408 || status === 429 || status >= 500;

/** The server's error body (`{ error: { code, message, issues, requestId } }`) as a typed error. */
export async function apiErrorFrom(res: Response): Promise<FlightdeckApiError> {
  const text = await res.text().catch(() => "");
  let error: { code?: unknown; message?: unknown; issues?: unknown; requestId?: unknown } = {};
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error ?? {};
  } catch {
    // not JSON (a proxy's error page): the status line is all there is
  }
  const message = typeof error.message === "string" ? error.message : `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ""}`;
  const code = typeof error.code === "string" ? error.code : `HTTP_${res.status}`;
  const issues = Array.isArray(error.issues) ? (error.issues as FieldIssue[]) : undefined;
  const requestId = typeof error.requestId === "string" ? error.requestId : (res.headers.get("x-request-id") ?? undefined);
  return new FlightdeckApiError(message, code, res.status, issues, requestId, retryAfterMs(res.headers.get("retry-after")));
}

/** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3), in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with jitter: half the step fixed, half random, so clients do not retry in lockstep. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const step = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return step / 2 + random() * (step / 2);
}
