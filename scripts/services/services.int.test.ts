import net from "node:net";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { ensureRedis } from "./redis";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

describe("Redis for start and test", () => {
  it("starts redis-server with its data under .data/redis when nothing answers on a local URL", async () => {
    const port = await freePort();
    const before = process.env.REDIS_URL;
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    try {
      const logs: string[] = [];
      const handle = await ensureRedis((m) => logs.push(m));
      const client = new Redis(handle.url);
      expect(await client.ping()).toBe("PONG");
      expect(await client.config("GET", "dir")).toEqual(["dir", expect.stringMatching(/\.data\/redis$/)]);
      client.disconnect();
      expect(logs.join("\n")).toContain(`started redis-server on 127.0.0.1:${port}`);
      await handle.stop();
    } finally {
      process.env.REDIS_URL = before;
    }
  });

  it("says how to get Redis when nothing answers and redis-server is not installed", async () => {
    const port = await freePort();
    const [url, path] = [process.env.REDIS_URL, process.env.PATH];
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    process.env.PATH = "/nonexistent";
    try {
      await expect(ensureRedis(() => {})).rejects.toThrow(/apt-get install redis-server/);
    } finally {
      process.env.REDIS_URL = url;
      process.env.PATH = path;
    }
  });
});
