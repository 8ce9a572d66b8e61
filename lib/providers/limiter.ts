import { ProviderError } from "./errors";
import { abortedError } from "./retry";

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (err: unknown) => void;
}

interface Gate {
  active: number;
  queue: Waiter[];
}

/**
 * Per-key counting semaphore with a FIFO queue: at most `limit` holders per connection id.
 * Keys with nothing active or queued are dropped so the map does not grow with dead connections.
 */
export class KeyedSemaphore {
  private readonly gates = new Map<string, Gate>();

  async acquire(key: string, limit: number, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw abortedError(signal);
    const gate = this.gates.get(key) ?? { active: 0, queue: [] };
    this.gates.set(key, gate);
    if (gate.active < Math.max(1, limit) && gate.queue.length === 0) {
      gate.active++;
      return this.releaser(key, gate, limit);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (release) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(release);
        },
        reject,
      };
      const onAbort = () => {
        const index = gate.queue.indexOf(waiter);
        if (index >= 0) gate.queue.splice(index, 1);
        this.dropIfIdle(key, gate);
        reject(abortedError(signal));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      gate.queue.push(waiter);
    });
  }

  /** Runs fn holding one slot of `key`. */
  async run<T>(key: string, limit: number, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(key, limit, signal);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  inFlight(key: string): number {
    return this.gates.get(key)?.active ?? 0;
  }

  private releaser(key: string, gate: Gate, limit: number): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = gate.queue.shift();
      // The slot passes straight to the next waiter, so FIFO order cannot be overtaken.
      if (next) next.resolve(this.releaser(key, gate, limit));
      else {
        gate.active--;
        this.dropIfIdle(key, gate);
      }
    };
  }

  private dropIfIdle(key: string, gate: Gate): void {
    if (gate.active === 0 && gate.queue.length === 0 && this.gates.get(key) === gate) this.gates.delete(key);
  }
}

/** The process-wide limiter: clients created per request for the same connection id share it. */
export const sharedSemaphore = new KeyedSemaphore();

export interface Deadline {
  /** Aborted on timeout (reason: ProviderError "timeout") or when the caller's signal aborts. */
  signal: AbortSignal;
  /** Restarts the clock; streams call it on every chunk so only silence counts. */
  touch(): void;
  /** Stops the clock and detaches from the caller's signal. */
  clear(): void;
}

export function startDeadline(timeoutMs: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      controller.abort(new ProviderError("timeout", `The provider did not respond within ${timeoutMs} ms`));
    }, timeoutMs);
  };
  const onOuterAbort = () => controller.abort(abortedError(outer));
  if (outer?.aborted) onOuterAbort();
  else {
    outer?.addEventListener("abort", onOuterAbort, { once: true });
    arm();
  }
  return {
    signal: controller.signal,
    touch: () => {
      if (!controller.signal.aborted) arm();
    },
    clear: () => {
      if (timer) clearTimeout(timer);
      outer?.removeEventListener("abort", onOuterAbort);
    },
  };
}

/** Runs fn with a fresh per-attempt deadline; the rejection is the ProviderError the deadline aborted with. */
export async function withTimeout<T>(
  timeoutMs: number,
  fn: (signal: AbortSignal) => Promise<T>,
  outer?: AbortSignal,
): Promise<T> {
  const deadline = startDeadline(timeoutMs, outer);
  try {
    return await raceAbort(fn(deadline.signal), deadline.signal);
  } finally {
    deadline.clear();
  }
}

/** Rejects as soon as the signal aborts, even if fn ignores its signal. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
