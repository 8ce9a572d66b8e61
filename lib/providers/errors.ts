// The one error taxonomy of lib/providers. Every adapter maps its provider's failures onto these kinds,
// so retries, the playground and the gateway reason about one set of cases.

export type ProviderErrorKind =
  | "rate_limited"
  | "timeout"
  | "server_error"
  | "bad_request"
  | "auth"
  | "network"
  | "malformed"
  /** The caller cancelled through its AbortSignal. */
  | "aborted";

const RETRYABLE_BY_KIND: Record<ProviderErrorKind, boolean> = {
  rate_limited: true,
  timeout: true,
  server_error: true,
  network: true,
  bad_request: false,
  auth: false,
  malformed: false,
  aborted: false,
};

export interface ProviderErrorDetails {
  status?: number;
  retryAfterMs?: number;
  /** Overrides the kind's default (e.g. OpenAI's 429 insufficient_quota will not clear by waiting). */
  retryable?: boolean;
  /** The provider's own error type/code, e.g. "invalid_api_key", "overloaded_error". */
  providerCode?: string;
  cause?: unknown;
}

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly providerCode?: string;

  constructor(kind: ProviderErrorKind, message: string, details: ProviderErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "ProviderError";
    this.kind = kind;
    this.retryable = details.retryable ?? RETRYABLE_BY_KIND[kind];
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.providerCode = details.providerCode;
  }

  /** A copy with another message (used to redact secrets), keeping kind and details. */
  withMessage(message: string): ProviderError {
    return new ProviderError(this.kind, message, {
      status: this.status,
      retryAfterMs: this.retryAfterMs,
      retryable: this.retryable,
      providerCode: this.providerCode,
    });
  }
}

export function isProviderError(err: unknown): err is ProviderError {
  return err instanceof ProviderError;
}

/** Go-style durations as in OpenAI's x-ratelimit-reset-* headers: "1s", "6m0s", "20ms", "1h2m3.5s". */
export function parseDurationMs(value: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const match of value.trim().matchAll(re)) {
    const n = Number(match[1]);
    total += n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as "ms" | "s" | "m" | "h"];
    consumed += match[0].length;
  }
  return consumed > 0 && consumed === value.trim().length ? Math.ceil(total) : undefined;
}

/** Retry-After as delay-seconds (RFC 9110 allows only integers; decimals are tolerated) or an HTTP-date. */
export function parseRetryAfterValue(value: string, nowMs: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * How long the provider asks us to wait, from (in order of precedence) retry-after-ms, retry-after,
 * OpenAI's x-ratelimit-reset-{requests,tokens} (for whichever budget is exhausted), or Anthropic's
 * anthropic-ratelimit-*-reset timestamps.
 */
export function parseRetryAfterMs(headers: Headers, nowMs = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const parsed = parseRetryAfterValue(retryAfter, nowMs);
    if (parsed !== undefined) return parsed;
  }
  const resets: number[] = [];
  for (const budget of ["requests", "tokens"]) {
    const reset = headers.get(`x-ratelimit-reset-${budget}`);
    const remaining = headers.get(`x-ratelimit-remaining-${budget}`);
    const parsed = reset ? parseDurationMs(reset) : undefined;
    if (parsed !== undefined && (remaining === null || remaining.trim() === "0")) resets.push(parsed);
  }
  for (const budget of ["requests", "tokens", "input-tokens", "output-tokens"]) {
    const reset = headers.get(`anthropic-ratelimit-${budget}-reset`);
    const remaining = headers.get(`anthropic-ratelimit-${budget}-remaining`);
    if (!reset || (remaining !== null && remaining.trim() !== "0")) continue;
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) resets.push(Math.max(0, at - nowMs));
  }
  return resets.length > 0 ? Math.max(...resets) : undefined;
}

interface ProviderErrorBody {
  message?: string;
  code?: string;
}

/** Reads OpenAI's {"error":{message,type,code}} and Anthropic's {"type":"error","error":{type,message}}. */
export function readErrorBody(bodyText: string): ProviderErrorBody {
  try {
    const body = JSON.parse(bodyText) as { error?: unknown; message?: unknown };
    const error = body?.error;
    if (typeof error === "string") return { message: error };
    if (error && typeof error === "object") {
      const e = error as { message?: unknown; code?: unknown; type?: unknown };
      const code = typeof e.code === "string" ? e.code : typeof e.type === "string" ? e.type : undefined;
      return { message: typeof e.message === "string" ? e.message : undefined, code };
    }
    if (typeof body?.message === "string") return { message: body.message };
  } catch {
    // not JSON: fall through to the raw text below
  }
  const text = bodyText.trim().slice(0, 300);
  return { message: text || undefined };
}

/** Maps a non-2xx HTTP response onto the taxonomy. `providerName` is for people ("OpenAI-compatible server"). */
export function errorFromStatus(
  status: number,
  headers: Headers,
  bodyText: string,
  providerName: string,
  nowMs = Date.now(),
): ProviderError {
  const { message, code } = readErrorBody(bodyText);
  const said = message ? `: ${message}` : "";
  const details = { status, providerCode: code };
  if (status === 401 || status === 403) {
    return new ProviderError("auth", `${providerName} rejected the credentials (${status})${said}`, details);
  }
  if (status === 429) {
    // OpenAI signals an exhausted billing quota with 429 too; waiting does not help there.
    const quota = code === "insufficient_quota";
    return new ProviderError("rate_limited", `${providerName} rate limit reached (429)${said}`, {
      ...details,
      retryAfterMs: parseRetryAfterMs(headers, nowMs),
      retryable: !quota,
    });
  }
  if (status === 408) return new ProviderError("timeout", `${providerName} timed out (408)${said}`, details);
  if (status >= 500) {
    const what = status === 529 ? "is overloaded" : "had a server error";
    return new ProviderError("server_error", `${providerName} ${what} (${status})${said}`, details);
  }
  return new ProviderError("bad_request", `${providerName} refused the request (${status})${said}`, details);
}

/** Errors sent inside an Anthropic SSE stream ({"type":"error","error":{type,message}}). */
export function errorFromAnthropicType(type: string, message: string): ProviderError {
  const details = { providerCode: type };
  const text = `Anthropic stream error (${type}): ${message}`;
  switch (type) {
    case "rate_limit_error":
      return new ProviderError("rate_limited", text, details);
    case "overloaded_error":
    case "api_error":
      return new ProviderError("server_error", text, details);
    case "authentication_error":
    case "permission_error":
      return new ProviderError("auth", text, details);
    case "timeout_error":
      return new ProviderError("timeout", text, details);
    default:
      return new ProviderError("bad_request", text, details);
  }
}

/** Replaces every occurrence of the secret; used on every error leaving a client. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join("[redacted]");
}
