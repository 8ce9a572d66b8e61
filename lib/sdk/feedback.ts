import { FlightdeckUnavailableError } from "./errors.js";
import { apiErrorFrom, backoffMs, isTransient, request, type Transport } from "./http.js";
import type { RetryOptions } from "./traces.js";
import type { Feedback, FeedbackInput, FeedbackResult } from "./types.js";

/** How feedback() retries; beyond {@link RetryOptions}, a 404 for a trace the server has not stored yet. */
export interface FeedbackRetryOptions extends RetryOptions {
  /** attempts in all while the server answers 404, the first included (default 5) */
  notFoundAttempts?: number;
  /** first wait after a 404 in ms, doubled per attempt (default 1,000: at most 15 s of waiting with the default attempts) */
  notFoundDelayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POST /api/v1/feedback. Feedback usually follows its answer within seconds, before the server has
 * stored the trace (traces are processed a few seconds after they are sent), so a 404 is retried with
 * backoff before it is thrown. Sending again is safe: the server keeps one feedback per trace and source.
 */
export async function postFeedback(t: Transport, input: FeedbackInput, retry: FeedbackRetryOptions = {}): Promise<FeedbackResult> {
  const attempts = Math.max(1, retry.attempts ?? 4);
  const notFoundAttempts = Math.max(1, retry.notFoundAttempts ?? 5);
  const base = retry.baseDelayMs ?? 250;
  const notFoundBase = retry.notFoundDelayMs ?? 1_000;
  const maxDelay = retry.maxDelayMs ?? 8_000;
  const maxRetryAfter = retry.maxRetryAfterMs ?? 60_000;
  const body = JSON.stringify(input);

  let transient = 0;
  let notFound = 0;
  for (;;) {
    let res: Response;
    try {
      res = await request(t, "POST", "/api/v1/feedback", { body, headers: { "content-type": "application/json" } });
    } catch (err) {
      if (++transient >= attempts) throw err;
      await sleep(backoffMs(transient, base, maxDelay));
      continue;
    }
    if (res.ok) return { feedback: (await res.json()) as Feedback, created: res.status === 201 };
    const error = await apiErrorFrom(res);
    if (res.status === 404) {
      if (++notFound >= notFoundAttempts) throw error;
      await sleep(backoffMs(notFound, notFoundBase, maxDelay));
      continue;
    }
    if (!isTransient(res.status)) throw error;
    const wait = error.retryAfterMs ?? backoffMs(transient + 1, base, maxDelay);
    if (++transient >= attempts || wait > maxRetryAfter) {
      if (res.status === 429) throw error;
      throw new FlightdeckUnavailableError(`Flightdeck did not accept the feedback after ${transient} attempt(s) (HTTP ${res.status}): ${error.message}`, res.status, { cause: error });
    }
    await sleep(wait);
  }
}
