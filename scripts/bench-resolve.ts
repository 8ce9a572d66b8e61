import fs from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { spawnSync } from "node:child_process";
import { prepare, exitWith } from "./services/prepare";
import { applyMigrations } from "../lib/migrations/migrate";
import { disconnectDb } from "../lib/db";
import { closeRedis } from "../lib/redis";
import { promoteRelease, startCanary } from "../lib/environments/moves";
import { rolloutProject } from "../lib/environments/test-fixtures";
import { assertPortFree, startProcess, waitFor } from "./bench/processes";

// `npm run bench:resolve [-- --seconds 15 --connections 50]` (run it under `flock /tmp/fd-e2e.lock`
// on shared machines): the production web server (scripts/web-server.ts, as `npm start` runs it) on its own database and Redis
// prefix, a project with a release in production and a 10% canary, then closed-loop load at C
// connections for S seconds on GET /api/v1/ping (constant JSON, no auth: what the server alone costs per request)
// and, against the same server, on the resolve API with a different request key per request.
// Prints requests/s and p50/p99 of both and their ratio (saturated), then the same two routes over one
// connection (the cost of a request without queueing); the last line is JSON.
// Targets (issue 6): resolve p99 ≤ 10 ms at 50 connections; resolve/ping requests/s ≥ 0.7.

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}
type CannonRequest = { method?: string; path?: string; headers?: Record<string, string> };
type Autocannon = (opts: {
  url: string; connections: number; duration: number; headers?: Record<string, string>; overallRate?: number;
  requests?: { setupRequest?: (req: CannonRequest) => CannonRequest }[];
}) => Promise<CannonResult>;
// autocannon ships no types; this is the part used here
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "15" }, connections: { type: "string", default: "50" }, port: { type: "string", default: "3211" },
    // a second pair of runs with one connection: what a request itself costs, without queueing (0: skip)
    serial: { type: "string", default: "1" },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const PORT = Number(values.port);
const SERIAL = values.serial !== "0";

const figures = (r: CannonResult) => ({
  requestsPerSec: Math.round(r.requests.average), requests: r.requests.total, p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors,
});

async function main() {
  if (![SECONDS, CONNECTIONS, PORT].every((v) => Number.isFinite(v) && v > 0)) throw new Error("--seconds, --connections and --port must be positive numbers");
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.error("no production build yet: running next build");
    if (spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } }).status !== 0) throw new Error("next build failed");
  }
  process.env.REDIS_PREFIX = "fdbenchresolve";
  const { env, stop } = await prepare({ database: "flightdeck_bench_resolve", reset: true });
  await applyMigrations(env.DATABASE_URL);
  const s = await rolloutProject();
  const stable = await s.release("1.0.0");
  const canary = await s.release("1.1.0");
  await promoteRelease(s.admin, "production", { release: stable.id });
  await startCanary(s.admin, "production", { release: canary.id, percent: 10 });
  const token = await s.runtimeKey(["runtime:read"]);

  const childEnv = { ...process.env, NODE_ENV: "production", REDIS_PREFIX: "fdbenchresolve", LOG_LEVEL: "warn", PORT: String(PORT), NEXTAUTH_URL: `http://localhost:${PORT}` } as NodeJS.ProcessEnv;
  await assertPortFree(PORT);
  // the production web server, as `npm start` runs it (Next behind the hot-path server)
  const web = startProcess("web", "node", ["--import", "tsx", "scripts/web-server.ts"], { ...childEnv, FLIGHTDECK_SERVICE: "web" });
  try {
    const origin = `http://localhost:${PORT}`;
    await waitFor(`${origin}/api/v1/ping`, 60_000);
    const resolvePath = `/api/v1/projects/${s.project.slug}/environments/production/release`;
    const auth = { authorization: `Bearer ${token}` };
    const check = await fetch(`${origin}${resolvePath}?key=user-1`, { headers: auth });
    if (check.status !== 200) throw new Error(`resolve answered ${check.status}: ${await check.text()}`);

    let seq = 0;
    const keyed = [{ setupRequest: (req: CannonRequest) => ({ ...req, path: `${resolvePath}?key=user-${seq++ % 100_000}` }) }];
    // the same client work on both routes (a fresh query string per request), so the ratio compares
    // the server's work, not the load generator's, which shares these cores
    const pingKeyed = [{ setupRequest: (req: CannonRequest) => ({ ...req, path: `/api/v1/ping?key=user-${seq++ % 100_000}` }) }];
    const ping = (connections = CONNECTIONS) => autocannon({ url: `${origin}/api/v1/ping`, connections, duration: SECONDS, headers: auth, requests: pingKeyed });
    const resolve = (connections = CONNECTIONS) => autocannon({ url: `${origin}${resolvePath}`, connections, duration: SECONDS, headers: auth, requests: keyed });
    // warm both routes (JIT, caches, connection pools) outside the measurement
    await autocannon({ url: `${origin}/api/v1/ping`, connections: CONNECTIONS, duration: 2, headers: auth, requests: pingKeyed });
    await autocannon({ url: `${origin}${resolvePath}`, connections: CONNECTIONS, duration: 2, headers: auth, requests: keyed });

    const loadBefore = os.loadavg()[0];
    const p = figures(await ping());
    const r = figures(await resolve());
    // closed loop at C connections saturates the server, so latency ≈ C / throughput (Little's law)
    // for any route; one connection shows what a request itself costs
    const serial = SERIAL ? { connections: 1, ping: figures(await ping(1)), resolve: figures(await resolve(1)) } : null;
    const out = {
      seconds: SECONDS, connections: CONNECTIONS, canaryPercent: 10,
      resolve: r, ping: p, ratio: Number((r.requestsPerSec / Math.max(1, p.requestsPerSec)).toFixed(2)), serial,
      loadAverage1mBefore: Number(loadBefore.toFixed(2)), loadAverage1mAfter: Number(os.loadavg()[0].toFixed(2)), cpus: os.cpus().length,
      target: "resolve.p99Ms <= 10 at 50 connections, ratio >= 0.7",
      met: r.p99Ms <= 10 && r.requestsPerSec / Math.max(1, p.requestsPerSec) >= 0.7 && r.non2xx === 0 && r.errors === 0,
    };
    console.log(`ping:    ${p.requestsPerSec} req/s, p50 ${p.p50Ms} ms, p99 ${p.p99Ms} ms (${p.requests} requests, ${p.non2xx} non-2xx)`);
    console.log(`resolve: ${r.requestsPerSec} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms (${r.requests} requests, ${r.non2xx} non-2xx)`);
    if (serial) console.log(`one connection: ping ${serial.ping.requestsPerSec} req/s, p50 ${serial.ping.p50Ms} ms, p99 ${serial.ping.p99Ms} ms; resolve ${serial.resolve.requestsPerSec} req/s, p50 ${serial.resolve.p50Ms} ms, p99 ${serial.resolve.p99Ms} ms`);
    console.log(`ratio resolve/ping: ${out.ratio}; load average ${out.loadAverage1mBefore} → ${out.loadAverage1mAfter} on ${out.cpus} cores`);
    console.log(JSON.stringify(out));
  } finally {
    web.kill("SIGTERM");
    await new Promise((res) => (web.exitCode !== null ? res(null) : web.once("exit", res)));
    await closeRedis();
    await disconnectDb();
    await stop();
  }
}

main().then(() => process.exit(0), exitWith);
