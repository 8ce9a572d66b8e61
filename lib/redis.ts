import { Redis } from "ioredis";
import { env } from "./env";

// Shared ioredis connections. BullMQ workers need maxRetriesPerRequest: null (blocking commands);
// request-path clients fail fast instead.
const g = globalThis as unknown as { flightdeckRedis?: Redis };

export function redis(): Redis {
  g.flightdeckRedis ??= new Redis(env().REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  return g.flightdeckRedis;
}

/** For queue producers in the web app: fail a request fast rather than wait for Redis forever. */
export function newProducerConnection(): Redis {
  return new Redis(env().REDIS_URL, { maxRetriesPerRequest: 2 });
}

export function newWorkerConnection(): Redis {
  return new Redis(env().REDIS_URL, { maxRetriesPerRequest: null });
}

/** Key under this deployment's prefix, so several installs (or tests) can share one Redis. */
export function redisKey(...parts: string[]): string {
  return [env().REDIS_PREFIX, ...parts].join(":");
}

export async function closeRedis(): Promise<void> {
  await g.flightdeckRedis?.quit().catch(() => {});
  g.flightdeckRedis = undefined;
}
