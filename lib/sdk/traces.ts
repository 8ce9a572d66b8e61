import { FlightdeckUnavailableError } from "./errors.js";
import { apiErrorFrom, backoffMs, isTransient, request, retryAfterMs, type Transport } from "./http.js";
import type { IngestBatch, IngestResult } from "./types.js";

/** How sendTraces retries 429, 408, 5xx and network failures. */
export interface RetryOptions {
  /** attempts in all, the first included (default 4) */
  attempts?: number;
  /** first backoff step in ms, doubled per attempt (default 250) */
  baseDelayMs?: number;
  /** cap of one backoff step in ms (default 8,000) */
  maxDelayMs?: number;
  /** a Retry-After longer than this (ms) is not waited for: the error goes to the caller (default 60,000) */
  maxRetryAfterMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POST /api/v1/traces. Resending a batch is safe (the server stores each trace and span id once), so
 * transient failures are retried; 4xx answers other than 408/429 are thrown at once.
 */
export async function postTraces(t: Transport, batch: IngestBatch, retry: RetryOptions = {}): Promise<IngestResult> {
  const attempts = Math.max(1, retry.attempts ?? 4);
  const base = retry.baseDelayMs ?? 250;
  const maxDelay = retry.maxDelayMs ?? 8_000;
  const maxRetryAfter = retry.maxRetryAfterMs ?? 60_000;
  const body = JSON.stringify(batch);

  for (let attempt = 1; ; attempt++) {
    const last = attempt >= attempts;
    let res: Response;
    try {
      res = await request(t, "POST", "/api/v1/traces", { body, headers: { "content-type": "application/json" } });
    } catch (err) {
      if (last) throw err;
      await sleep(backoffMs(attempt, base, maxDelay));
      continue;
    }
    if (res.ok) return (await res.json()) as IngestResult;
    if (!isTransient(res.status)) throw await apiErrorFrom(res);

    const error = await apiErrorFrom(res);
    const wait = error.retryAfterMs ?? backoffMs(attempt, base, maxDelay);
    if (last || wait > maxRetryAfter) {
      if (res.status === 429) throw error;
      throw new FlightdeckUnavailableError(`Flightdeck did not accept the traces after ${attempt} attempt(s) (HTTP ${res.status}): ${error.message}`, res.status, { cause: error });
    }
    await sleep(wait);
  }
}
