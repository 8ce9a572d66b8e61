import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { parseEnv, EnvError, type Env } from "../../lib/env";
import { DATA_DIR, ensureDatabase, ensurePostgres, recreateDatabase, type PostgresHandle } from "./postgres";
import { clearRedisPrefix, ensureRedis, type RedisHandle } from "./redis";

// Everything start, test and the CLI need before the app runs: .env, PostgreSQL, Redis, secrets,
// a validated environment. Shared so all of them find the database the same way.

export interface Prepared {
  env: Env;
  pg: PostgresHandle;
  redis: RedisHandle;
  stop(): Promise<void>;
}

export const log = (msg: string) => console.log(`[flightdeck] ${msg}`);

function loadDotEnv() {
  const file = path.resolve(".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

/** A random secret kept under .data so it survives restarts; demo mode only. */
function demoSecret(name: string, bytes = 32, encoding: BufferEncoding = "base64url"): string {
  const file = path.join(DATA_DIR, name);
  fs.mkdirSync(DATA_DIR, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(bytes).toString(encoding), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

export async function prepare(opts: { database?: string; reset?: boolean; needRedis?: boolean } = {}): Promise<Prepared> {
  loadDotEnv();
  const demo = (process.env.FLIGHTDECK_MODE ?? "demo") === "demo";
  const pg = await ensurePostgres(log);
  try {
    if (!process.env.DATABASE_URL || opts.database) {
      const name = opts.database ?? "flightdeck";
      process.env.DATABASE_URL = opts.reset ? await recreateDatabase(pg.serverUrl, name) : await ensureDatabase(pg.serverUrl, name);
    }
    const redis = opts.needRedis === false ? { url: process.env.REDIS_URL ?? "", stop: async () => {} } : await ensureRedis(log);
    if (redis.url) process.env.REDIS_URL = redis.url;
    if (demo && !process.env.NEXTAUTH_SECRET) process.env.NEXTAUTH_SECRET = demoSecret("auth-secret");
    if (demo && !process.env.SECRETS_KEY) process.env.SECRETS_KEY = demoSecret("secrets-key", 32, "base64");
    // in demo mode a model server on this machine (Ollama, LM Studio, llama.cpp) is reachable
    if (demo && process.env.OUTBOUND_ALLOWLIST === undefined) process.env.OUTBOUND_ALLOWLIST = "localhost,127.0.0.1,::1";
    process.env.PORT ||= "3000";
    process.env.NEXTAUTH_URL ||= `http://localhost:${process.env.PORT}`;
    const env = parseEnv(process.env);
    // a reset database starts with a clean slate in Redis too (jobs, throttling, heartbeats)
    if (opts.reset && redis.url) await clearRedisPrefix(redis.url, env.REDIS_PREFIX);
    return { env, pg, redis, stop: async () => { await redis.stop(); await pg.stop(); } };
  } catch (err) {
    await pg.stop();
    throw err;
  }
}

export function exitWith(err: unknown): never {
  if (err instanceof EnvError) console.error(`[flightdeck] ${err.message}\nSee .env.example for every variable.`);
  else console.error(`[flightdeck] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
