import fs from "node:fs";
import { parseArgs } from "node:util";
import { spawnSync } from "node:child_process";
import { prepare, exitWith } from "./services/prepare";
import { applyMigrations } from "../lib/migrations/migrate";
import { db, disconnectDb } from "../lib/db";
import { createApiKey } from "../lib/apikeys/service";
import { createConnection } from "../lib/registry/connections/service";
import { createModelVersion } from "../lib/registry/models/service";
import { makeProject } from "./test/fixtures";
import { assertPortFree, startProcess, waitFor } from "./bench/processes";

// `npm run bench:ingest [-- --rate 5000 --seconds 60 --traces-per-request 10]`: the production web
// server (as `npm start` runs it) and a worker on their own database and Redis prefix. Requests to
// /api/v1/traces are sent over HTTP on a fixed schedule (open loop: R spans/s offered whatever the
// answers do, as an application's exporters would) for S seconds — 10 spans a trace, personal data in
// the text, scrubbing on — then it waits until the worker has stored every acknowledged span. It
// prints spans/s accepted, spans/s fully processed end to end (first request → last batch stored),
// the API latency percentiles and how many acknowledged spans were lost (must be 0). If processing
// falls behind, the end-to-end rate drops below the offered one. The last line is JSON.
// Targets (issue 5): ≥ 5,000 spans/s on this 2-core machine; API p99 ≤ 100 ms; 0 lost.

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" }, rate: { type: "string", default: "5000" },
    "traces-per-request": { type: "string", default: "10" }, port: { type: "string", default: "3210" },
    // write V8 CPU profiles of the web server and the worker into this directory (to see where time goes)
    profile: { type: "string" },
  },
});
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const TRACES = Number(values["traces-per-request"]);
// requests in flight beyond this are not sent (counted as "skipped"): the server is not keeping up
const MAX_IN_FLIGHT = 256;
const PORT = Number(values.port);
const SPANS_PER_TRACE = 10;

const NAMES = ["Sara Al-Qahtani", "John Miller", "Fatimah Hassan", "Liam O'Brien", "Noura Al-Harbi"];
const USER_INPUTS = [
  (n: string, i: number) => `Hi, this is ${n}. My order #${40_000 + i} has not arrived; you can reach me at ${n.split(" ")[0].toLowerCase()}.${i}@example.com or +966 55 ${String(100_0000 + (i % 899_9999)).replace(/(\d{3})(\d{4})/, "$1 $2")}.`,
  (n: string, i: number) => `مرحبا، أنا ${n}. لم يصل طلبي رقم ${40_000 + i}. رقم جوالي 05${String(10_000_000 + i).slice(0, 8)} وبريدي user${i}@example.org`,
  (_n: string, i: number) => `Can I change the delivery address for order ${40_000 + i} to 221B Baker Street, London? Please ignore my previous email about the refund.`,
];
const DOCS = [
  "Orders ship within 2 business days. Delivery to Riyadh, Jeddah and Dammam takes 1–3 days; other cities 3–5 days.",
  "Refunds are issued to the original payment method within 14 days of the returned item arriving at our warehouse.",
  "سياسة الإرجاع: يمكن إرجاع المنتجات خلال ٣٠ يوماً من الاستلام بشرط أن تكون بحالتها الأصلية.",
];

let seq = 0;
function trace(run: string) {
  const i = seq++;
  const name = NAMES[i % NAMES.length];
  const t0 = Date.now() - 5_000;
  const at = (ms: number) => new Date(t0 + ms).toISOString();
  const span = (k: number, kind: string, spanName: string, extra: Record<string, unknown> = {}) => ({
    spanId: `s${k}`, ...(k ? { parentSpanId: "s0" } : {}), kind, name: spanName, startTime: at(k * 100), endTime: at(k * 100 + 90), status: "ok", ...extra,
  });
  const input = USER_INPUTS[i % USER_INPUTS.length](name, i);
  return {
    traceId: `${run}-${i}`, name: "support-chat", environment: "production", team: i % 2 ? "care" : "sales",
    prompt: { name: "customer-support", version: 3 }, release: { id: "rel-7", variant: i % 10 ? "stable" : "canary" }, endUserId: `customer-${i % 5000}`,
    spans: [
      span(0, "llm", "agent", { input, output: `Thanks ${name}, I checked order ${40_000 + i}: it ships tomorrow.`, attributes: { model: "bench-model", inputTokens: 900, outputTokens: 120 } }),
      span(1, "planning", "plan", { output: "1. look up the order 2. check the policy 3. answer" }),
      span(2, "retrieval", "kb.search", { input: `order ${40_000 + i} delivery`, retrievedDocuments: DOCS.map((text, d) => ({ id: `kb-${d}`, lastUpdated: "2026-06-01T00:00:00Z", text })) }),
      span(3, "tool", "orders.lookup", { input: `{"order":${40_000 + i}}`, output: `{"status":"packed","eta":"tomorrow"}` }),
      span(4, "tool", "shipping.eta", { input: `{"city":"Riyadh"}`, output: `{"days":1}` }),
      span(5, "llm", "draft", { input: "Draft a reply from the order status and the policy.", output: `Your order ${40_000 + i} ships tomorrow.`, attributes: { model: "bench-model", inputTokens: 600, outputTokens: 80 } }),
      span(6, "guard", "pii.check", { output: "ok" }),
      span(7, "llm", "polish", { attributes: { model: "bench-model", inputTokens: 200, outputTokens: 60 } }),
      span(8, "tool", "crm.note", { input: `{"note":"answered ${name}"}` }),
      span(9, "other", "respond"),
    ],
  };
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

async function main() {
  if (![SECONDS, RATE, TRACES, PORT].every((v) => Number.isFinite(v) && v > 0)) throw new Error("--seconds, --rate, --traces-per-request and --port must be positive numbers");
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.error("no production build yet: running next build");
    if (spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } }).status !== 0) throw new Error("next build failed");
  }
  const { env, stop } = await prepare({ database: "flightdeck_bench_ingest", reset: true });
  await applyMigrations(env.DATABASE_URL);
  const p = await makeProject(["ADMIN"]);
  const admin = p.as("ADMIN");
  const connection = await createConnection(admin, { name: "bench", kind: "offline", maxConcurrency: 1 });
  await createModelVersion(admin, {
    connectionId: connection.id, providerModelId: "bench-model", displayName: "Bench", inputPricePerMTok: 2, outputPricePerMTok: 8,
    cachedPricePerMTok: null, priceAsOf: "2026-01-01", contextWindow: 128_000, maxOutputTokens: 4096, capabilities: ["chat"], floating: false,
  });
  const token = (await createApiKey(admin, { name: "bench", scopes: ["traces:write"] })).token;

  const childEnv = { ...process.env, NODE_ENV: "production", REDIS_PREFIX: "fdbenchingest", LOG_LEVEL: "warn", PORT: String(PORT), NEXTAUTH_URL: `http://localhost:${PORT}` } as NodeJS.ProcessEnv;
  const prof = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];
  await assertPortFree(PORT);
  const web = startProcess("web", "node", [...prof, "--import", "tsx", "scripts/web-server.ts"], { ...childEnv, FLIGHTDECK_SERVICE: "web" });
  const worker = startProcess("worker", "node", [...prof, "--import", "tsx", "workers/index.ts"], { ...childEnv, FLIGHTDECK_SERVICE: "worker" });
  const children = [web, worker];
  try {
    await waitFor(`http://localhost:${PORT}/api/health`, 60_000);
    const url = `http://localhost:${PORT}/api/v1/traces`;
    const post = async (run: string) => {
      const body = JSON.stringify({ traces: Array.from({ length: TRACES }, () => trace(run)) });
      const t = performance.now();
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
      const text = await res.text();
      return { ms: performance.now() - t, status: res.status, spans: res.status === 202 ? (JSON.parse(text).spans as number) : 0, text };
    };
    // warm the route (compilation caches, connection pools) outside the measurement
    for (let i = 0; i < 5; i++) await post("warm");

    const started = Date.now();
    const latencies: number[] = [];
    let acked = 0;
    let refused = 0;
    let skipped = 0;
    let lastError = "";
    let inFlight = 0;
    const intervalMs = (TRACES * SPANS_PER_TRACE * 1000) / RATE;
    const pending: Promise<void>[] = [];
    for (let i = 0; ; i++) {
      const due = started + i * intervalMs;
      if (due - started >= SECONDS * 1000) break;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (inFlight >= MAX_IN_FLIGHT) { skipped++; continue; }
      inFlight++;
      pending.push(post("run").then((r) => {
        latencies.push(r.ms);
        if (r.status === 202) acked += r.spans;
        else { refused++; lastError = `${r.status} ${r.text.slice(0, 200)}`; }
      }, (err: Error) => { refused++; lastError = err.message; }).finally(() => { inFlight--; }));
    }
    await Promise.all(pending);
    const sentFor = (Date.now() - started) / 1000;
    console.error(`load done: ${acked} spans acknowledged in ${sentFor.toFixed(1)} s; waiting for the worker to store them`);

    const warmSpans = 5 * TRACES * SPANS_PER_TRACE;
    // the backlog the worker still had when the load stopped
    const backlogAtEnd = await db().traceBatch.count({ where: { projectId: p.project.id, status: "queued" } });
    const deadline = Date.now() + 15 * 60_000;
    let stored = 0;
    for (;;) {
      const queued = await db().traceBatch.count({ where: { projectId: p.project.id, status: "queued" } });
      stored = (await db().span.count({ where: { projectId: p.project.id } })) - warmSpans;
      if (queued === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const last = await db().traceBatch.aggregate({ where: { projectId: p.project.id }, _max: { processedAt: true } });
    const failed = await db().traceBatch.count({ where: { projectId: p.project.id, status: "failed" } });
    const endToEnd = ((last._max.processedAt?.getTime() ?? Date.now()) - started) / 1000;
    latencies.sort((a, b) => a - b);
    const figures = {
      seconds: SECONDS, offeredSpansPerSec: RATE, spansPerRequest: TRACES * SPANS_PER_TRACE, requests: latencies.length, refused, skipped, backlogBatchesAtEnd: backlogAtEnd,
      acceptedSpansPerSec: Math.round(acked / sentFor), processedSpansPerSec: Math.round(stored / endToEnd),
      endToEndSeconds: Number(endToEnd.toFixed(1)), spansAcknowledged: acked, spansStored: stored, lost: acked - stored, failedBatches: failed,
      apiP50Ms: Number(percentile(latencies, 50).toFixed(1)), apiP99Ms: Number(percentile(latencies, 99).toFixed(1)),
      target: "processedSpansPerSec >= 5000, apiP99Ms <= 100, lost = 0",
    };
    if (refused) console.error(`refused requests: ${refused}; last: ${lastError}`);
    console.log(`accepted ${figures.acceptedSpansPerSec} spans/s over ${sentFor.toFixed(1)} s (${figures.requests} requests of ${figures.spansPerRequest} spans); API p50 ${figures.apiP50Ms} ms, p99 ${figures.apiP99Ms} ms`);
    console.log(`processed end to end ${figures.processedSpansPerSec} spans/s (${stored} stored in ${figures.endToEndSeconds} s); lost ${figures.lost}`);
    console.log(JSON.stringify(figures));
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
    await disconnectDb();
    await stop();
  }
}

main().then(() => process.exit(0), exitWith);
