import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { DATA_DIR } from "./postgres";

// Redis for start and test: REDIS_URL (default 127.0.0.1:6379). If nothing answers there and
// redis-server is installed, start one with its data under .data/redis.

async function ping(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1500, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export interface RedisHandle {
  url: string;
  stop(): Promise<void>;
}

export async function ensureRedis(log: (msg: string) => void): Promise<RedisHandle> {
  const url = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  if (await ping(url)) return { url, stop: async () => {} };

  const u = new URL(url);
  const local = ["127.0.0.1", "localhost", "::1", "[::1]"].includes(u.hostname);
  const hasServer = spawnSync("sh", ["-c", "command -v redis-server"]).status === 0;
  if (!local || !hasServer) {
    throw new Error(
      `Redis does not answer at ${u.host}. Start one (Debian/Ubuntu: "sudo apt-get install redis-server", ` +
        `macOS: "brew install redis && brew services start redis") or set REDIS_URL to a running Redis.`,
    );
  }
  const dir = path.join(DATA_DIR, "redis");
  fs.mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", u.port || "6379", "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--save", "60 1"],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 50; i++) {
    if (await ping(url)) {
      log(`started redis-server on ${u.host} (data in .data/redis)`);
      return {
        url,
        stop: () =>
          new Promise((resolve) => {
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not come up on ${u.host}`);
}

/** Deletes every key under a prefix (test databases are recreated; their Redis state must go too). */
export async function clearRedisPrefix(url: string, prefix: string): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      if (keys.length) deleted += await client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
  return deleted;
}
