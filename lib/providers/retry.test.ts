import { describe, expect, it, vi } from "vitest";
import { ProviderError } from "./errors";
import { backoffDelayMs, sleepFor, withRetries } from "./retry";
import { recordingSleep, rejectionOf } from "./testing/test-helpers";

const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe("backoffDelayMs", () => {
  it("stays within [0, base * 2^(attempt-1)) under full jitter", () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const ceiling = 100 * 2 ** (attempt - 1);
      expect(backoffDelayMs(attempt, { ...policy, random: () => 0 })).toBe(0);
      expect(backoffDelayMs(attempt, { ...policy, random: () => 0.999999 })).toBe(ceiling - 1);
      expect(backoffDelayMs(attempt, { ...policy, random: () => 0.5 })).toBe(ceiling / 2);
    }
  });

  it("caps the exponential at maxDelayMs", () => {
    expect(backoffDelayMs(10, { ...policy, random: () => 0.999999 })).toBe(999);
  });

  it("never waits less than retry-after, even above the cap", () => {
    expect(backoffDelayMs(1, { ...policy, random: () => 0.9 }, 5_000)).toBe(5_000);
    expect(backoffDelayMs(4, { ...policy, random: () => 0.9 }, 10)).toBe(720);
  });
});

describe("withRetries", () => {
  const failing = (kind: ProviderError["kind"], times: number, extra: ConstructorParameters<typeof ProviderError>[2] = {}) => {
    let calls = 0;
    const fn = vi.fn(async (attempt: number) => {
      calls++;
      if (calls <= times) throw new ProviderError(kind, `fail ${attempt}`, extra);
      return `ok after ${attempt}`;
    });
    return fn;
  };

  it("retries retryable kinds with growing jittered delays", async () => {
    const { sleep, delays } = recordingSleep();
    const fn = failing("server_error", 3);
    expect(await withRetries(fn, { ...policy, maxAttempts: 4, sleep, random: () => 0.5 })).toBe("ok after 4");
    expect(delays).toEqual([50, 100, 200]);
  });

  it("stops after maxAttempts with the last error", async () => {
    const { sleep } = recordingSleep();
    const fn = failing("network", 10);
    const err = await rejectionOf(withRetries(fn, { ...policy, maxAttempts: 3, sleep }));
    expect(err).toMatchObject({ kind: "network", message: "fail 3" });
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it.each(["auth", "bad_request", "malformed", "aborted"] as const)("does not retry %s", async (kind) => {
    const { sleep, delays } = recordingSleep();
    const fn = failing(kind, 1);
    expect(await rejectionOf(withRetries(fn, { sleep }))).toMatchObject({ kind });
    expect(fn).toHaveBeenCalledTimes(1);
    expect(delays).toEqual([]);
  });

  it("does not retry errors marked not retryable, nor foreign errors", async () => {
    const { sleep } = recordingSleep();
    const quota = failing("rate_limited", 1, { retryable: false });
    await rejectionOf(withRetries(quota, { sleep }));
    expect(quota).toHaveBeenCalledTimes(1);
    const bug = vi.fn(async () => {
      throw new TypeError("bug");
    });
    await rejectionOf(withRetries(bug, { sleep }));
    expect(bug).toHaveBeenCalledTimes(1);
  });

  it("waits at least retry-after", async () => {
    const { sleep, delays } = recordingSleep();
    await withRetries(failing("rate_limited", 1, { retryAfterMs: 1_234 }), { ...policy, sleep, random: () => 0.99 });
    expect(delays).toEqual([1_234]);
  });

  it("gives up at once when retry-after exceeds what the caller will wait", async () => {
    const { sleep, delays } = recordingSleep();
    const fn = failing("rate_limited", 1, { retryAfterMs: 120_000 });
    expect(await rejectionOf(withRetries(fn, { sleep, maxRetryAfterMs: 60_000 }))).toMatchObject({ retryAfterMs: 120_000 });
    expect(delays).toEqual([]);
  });

  it("stops waiting when the signal aborts", async () => {
    const controller = new AbortController();
    const fn = failing("server_error", 10);
    const pending = withRetries(fn, { baseDelayMs: 10_000, maxDelayMs: 10_000, random: () => 0.99, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    expect(await rejectionOf(pending)).toMatchObject({ kind: "aborted" });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("reports each retry", async () => {
    const { sleep } = recordingSleep();
    const onRetry = vi.fn();
    await withRetries(failing("timeout", 2), { ...policy, sleep, random: () => 0, onRetry });
    expect(onRetry.mock.calls.map(([info]) => info.attempt)).toEqual([1, 2]);
  });
});

describe("sleepFor", () => {
  it("resolves after the delay and rejects on abort", async () => {
    await sleepFor(1);
    const controller = new AbortController();
    controller.abort();
    expect(await rejectionOf(sleepFor(1_000, controller.signal))).toMatchObject({ kind: "aborted" });
  });
});
