import { db } from "../db";
import { redis, redisKey } from "../redis";
import type { THealth } from "./schemas";

const HEARTBEAT_FRESH_MS = 60_000;
export const HEARTBEAT_KEY = () => redisKey("worker", "heartbeat");

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error("timeout")), ms); });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks each part independently, so one being down does not hide the state of the others. */
export async function checkHealth(now = Date.now()): Promise<THealth> {
  const [dbOk, beat] = await Promise.all([
    within(3000, db().$queryRaw`select 1`).then(() => true, () => false),
    within(2000, redis().get(HEARTBEAT_KEY())).then((v) => ({ up: true, at: Number(v ?? 0) }), () => ({ up: false, at: 0 })),
  ]);
  const workerOk = beat.up && now - beat.at < HEARTBEAT_FRESH_MS;
  const parts = { db: dbOk, redis: beat.up, worker: workerOk };
  const failing = Object.entries(parts).filter(([, ok]) => !ok).map(([name]) => name);
  return {
    status: failing.length ? "degraded" : "ok",
    db: dbOk ? "ok" : "down",
    redis: beat.up ? "ok" : "down",
    worker: workerOk ? "ok" : "down",
    ...(failing.length ? { failing } : {}),
  };
}

export async function writeHeartbeat(now = Date.now()): Promise<void> {
  await redis().set(HEARTBEAT_KEY(), String(now), "PX", HEARTBEAT_FRESH_MS * 5);
}
