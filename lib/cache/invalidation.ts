import type { Redis } from "ioredis";
import { logger } from "../log/logger";
import { loggableError } from "../errors";
import { newWorkerConnection, redis } from "../redis";

// Cross-instance invalidation of in-process caches over Redis pub/sub (issue 6: the resolve API's
// cache, API key lookups). A cache may only trust its entries while its subscription is live: a
// message published while the connection was down is lost, so the cache empties itself whenever the
// subscription drops or comes back (onReset) and bypasses itself while it is down (ready() false).

export interface InvalidationListener {
  /** true while subscribed: entries cached now will hear about their invalidation */
  ready(): boolean;
  close(): Promise<void>;
}

export function listenForInvalidations(
  channel: string,
  onMessage: (message: string) => void,
  onReset: () => void,
  connect: () => Redis = newWorkerConnection,
): InvalidationListener {
  const sub = connect();
  let subscribed = false;
  let closed = false;
  const reset = () => {
    subscribed = false;
    onReset();
  };
  const subscribe = () => {
    sub.subscribe(channel).then(
      () => {
        if (closed) return;
        onReset();
        subscribed = true;
      },
      (err) => logger.warn({ err: loggableError(err), channel }, "cache invalidation: subscribe failed"),
    );
  };
  sub.on("message", (ch: string, message: string) => {
    if (ch === channel) onMessage(message);
  });
  // ioredis re-subscribes by itself after a reconnect; we only need to know when we are live again
  sub.on("close", reset);
  sub.on("ready", () => {
    if (!closed && !subscribed) subscribe();
  });
  sub.on("error", (err) => logger.warn({ err: loggableError(err), channel }, "cache invalidation: redis error"));
  return {
    ready: () => subscribed && !closed,
    async close() {
      closed = true;
      subscribed = false;
      sub.removeAllListeners("close");
      await sub.quit().catch(() => {});
    },
  };
}

/** Tells every instance (this one included) to drop what it cached under `message`. Never throws: a lost message is bounded by the caches' maximum age. */
export async function publishInvalidation(channel: string, message: string): Promise<void> {
  try {
    await redis().publish(channel, message);
  } catch (err) {
    logger.warn({ err: loggableError(err), channel }, "cache invalidation: publish failed");
  }
}
