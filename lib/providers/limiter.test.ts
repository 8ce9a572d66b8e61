import { describe, expect, it } from "vitest";
import { KeyedSemaphore, startDeadline, withTimeout } from "./limiter";
import { rejectionOf } from "./testing/test-helpers";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("KeyedSemaphore", () => {
  it("admits at most the limit per key and hands slots over in FIFO order", async () => {
    const semaphore = new KeyedSemaphore();
    const order: number[] = [];
    const releases = await Promise.all([semaphore.acquire("a", 2), semaphore.acquire("a", 2)]);
    const waiting = [3, 4, 5].map((n) => semaphore.acquire("a", 2).then((release) => (order.push(n), release)));
    await tick();
    expect(order).toEqual([]);
    expect(semaphore.inFlight("a")).toBe(2);
    releases[0]();
    releases[0](); // a second call must not free a second slot
    await tick();
    expect(order).toEqual([3]);
    releases[1]();
    await tick();
    expect(order).toEqual([3, 4]);
    for (const release of await Promise.all(waiting.slice(0, 2))) release();
    await tick();
    expect(order).toEqual([3, 4, 5]);
    (await waiting[2])();
    expect(semaphore.inFlight("a")).toBe(0);
  });

  it("keeps keys independent", async () => {
    const semaphore = new KeyedSemaphore();
    await semaphore.acquire("a", 1);
    const other = await semaphore.acquire("b", 1);
    expect(semaphore.inFlight("b")).toBe(1);
    other();
  });

  it("removes an aborted waiter from the queue", async () => {
    const semaphore = new KeyedSemaphore();
    const release = await semaphore.acquire("a", 1);
    const controller = new AbortController();
    const aborted = semaphore.acquire("a", 1, controller.signal);
    const next = semaphore.acquire("a", 1);
    controller.abort();
    expect(await rejectionOf(aborted)).toMatchObject({ kind: "aborted" });
    release();
    (await next)();
    expect(semaphore.inFlight("a")).toBe(0);
  });

  it("run releases the slot when fn throws", async () => {
    const semaphore = new KeyedSemaphore();
    await rejectionOf(semaphore.run("a", 1, async () => Promise.reject(new Error("x"))));
    expect(semaphore.inFlight("a")).toBe(0);
  });
});

describe("withTimeout", () => {
  it("rejects with a timeout ProviderError and aborts fn's signal", async () => {
    let seen: AbortSignal | undefined;
    const err = await rejectionOf(
      withTimeout(20, (signal) => {
        seen = signal;
        return new Promise(() => {});
      }),
    );
    expect(err).toMatchObject({ kind: "timeout", retryable: true });
    expect(seen?.aborted).toBe(true);
  });

  it("passes results through and reports the caller's abort as aborted", async () => {
    expect(await withTimeout(1_000, async () => 42)).toBe(42);
    const controller = new AbortController();
    const pending = withTimeout(1_000, () => new Promise(() => {}), controller.signal);
    controller.abort();
    expect(await rejectionOf(pending)).toMatchObject({ kind: "aborted" });
  });

  it("a touched deadline measures silence, not total time", async () => {
    const deadline = startDeadline(150);
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      deadline.touch();
    }
    expect(deadline.signal.aborted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toMatchObject({ kind: "timeout" });
    deadline.clear();
  });
});
