import { ProviderError, isProviderError } from "./errors";

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Cap of the exponential backoff (not of a provider's retry-after). */
  maxDelayMs: number;
  /** A retry-after longer than this is not waited for: the error goes to the caller at once. */
  maxRetryAfterMs: number;
  sleep: Sleep;
  /** In [0, 1); injectable so tests are deterministic. */
  random: () => number;
}

export interface RetryOptions extends Partial<RetryPolicy> {
  signal?: AbortSignal;
  onRetry?: (info: { attempt: number; delayMs: number; error: ProviderError }) => void;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  sleep: sleepFor,
  random: Math.random,
};

export function abortedError(signal?: AbortSignal): ProviderError {
  const reason: unknown = signal?.reason;
  if (isProviderError(reason)) return reason;
  return new ProviderError("aborted", "The request was cancelled");
}

export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * "Full jitter" (AWS architecture blog, "Exponential Backoff and Jitter"): a uniform draw in
 * [0, min(maxDelay, base * 2^(attempt-1))), raised to the provider's retry-after when it sent one.
 */
export function backoffDelayMs(
  attempt: number,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs" | "random">,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(policy.random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Runs fn until it succeeds, fails with a non-retryable error, or maxAttempts is reached. */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(options) };
  const { signal } = options;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortedError(signal);
    try {
      return await fn(attempt);
    } catch (err) {
      if (!isProviderError(err) || !err.retryable || attempt >= policy.maxAttempts) throw err;
      if (signal?.aborted) throw abortedError(signal);
      if (err.retryAfterMs !== undefined && err.retryAfterMs > policy.maxRetryAfterMs) throw err;
      const delayMs = backoffDelayMs(attempt, policy, err.retryAfterMs);
      options.onRetry?.({ attempt, delayMs, error: err });
      await policy.sleep(delayMs, signal);
    }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
