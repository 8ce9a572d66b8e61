import { parseArgs } from "node:util";
import { prepare, exitWith } from "./services/prepare";
import { applyMigrations } from "../lib/migrations/migrate";
import { disconnectDb } from "../lib/db";
import { fork, type ChildProcess } from "node:child_process";
import { createEvalRun } from "../lib/evals/runs/create-run";
import { executeEvalRun } from "../lib/evals/runs/execute";
import { evalProject, type EvalItem } from "../lib/evals/runs/test-fixtures";

// `npm run bench:evals [-- --items N --concurrency C --latency-ms L]`: one eval run of N items (a
// generation and a judge call each) through the real engine and database, against a local fake
// OpenAI server that answers every call after L ms, with the connection limited to C calls at once.
// The ideal wall time is calls × L / C; the figure that matters is the ratio to it (target ≤ 1.10 at
// N = 1000, C = 32, L = 100 ms). The last line is the figures as JSON.

const { values } = parseArgs({
  options: { items: { type: "string", default: "1000" }, concurrency: { type: "string", default: "32" }, "latency-ms": { type: "string", default: "100" } },
});
const N = Number(values.items);
const C = Number(values.concurrency);
const L = Number(values["latency-ms"]);

/** The fake provider in its own process; `ask` sends a command and waits for its answer. */
async function startProvider(latencyMs: number) {
  const child: ChildProcess = fork(new URL("./bench/fake-provider-process.ts", import.meta.url).pathname, [String(latencyMs)], { execArgv: ["--import", "tsx"] });
  const next = <T>(cmd: string) => new Promise<T>((resolve) => {
    const on = (msg: { cmd: string }) => {
      if (msg.cmd !== cmd) return;
      child.off("message", on);
      resolve(msg as T);
    };
    child.on("message", on);
  });
  const { baseUrl } = await next<{ baseUrl: string }>("ready");
  const ask = <T>(cmd: string, answer = cmd) => {
    const reply = next<T>(answer);
    child.send({ cmd });
    return reply;
  };
  return { baseUrl, ask, close: () => { child.send({ cmd: "close" }); } };
}

async function main() {
  if (![N, C, L].every((v) => Number.isFinite(v) && v > 0)) throw new Error("--items, --concurrency and --latency-ms must be positive numbers");
  const { env, stop } = await prepare({ database: "flightdeck_bench", reset: true, needRedis: false });
  await applyMigrations(env.DATABASE_URL);
  // every call (generation and judge) gets the same JSON after L ms; the judge parses it, the scorer reads it
  const server = await startProvider(L);
  try {
    const items: EvalItem[] = Array.from({ length: N }, (_, i) => ({
      key: `item-${i}`, question: `Question number ${i}: how long do refunds take?`, reference: "Refunds are accepted within 30 days.",
      language: i % 3 === 0 ? "ar" : "en", context: [`Refunds are accepted within 30 days (policy ${i}).`],
    }));
    const s = await evalProject({ baseUrl: server.baseUrl, maxConcurrency: C, items });
    const run = await createEvalRun(s.admin, s.runInput({ scorers: [{ type: "json-valid" }, { type: "length", config: { max: 2000 } }] }));
    await server.ask("reset", "reset-done");

    const started = performance.now();
    const outcome = await executeEvalRun(s.project.id, run.id, { workerId: "bench" });
    const wallMs = performance.now() - started;
    const { calls, maxInFlight } = await server.ask<{ calls: number; maxInFlight: number }>("stats");
    const idealMs = (calls * L) / C;
    const figures = {
      items: N, concurrency: C, latencyMs: L, calls, status: outcome.ran ? outcome.status : "not-run",
      wallMs: Math.round(wallMs), idealMs: Math.round(idealMs), ratio: Number((wallMs / idealMs).toFixed(3)), maxInFlight,
      target: "ratio <= 1.10 at items=1000, concurrency=32, latencyMs=100",
    };
    console.log(`eval run of ${N} items: ${calls} provider calls at ${C} at once, ${L} ms each`);
    console.log(`wall ${(wallMs / 1000).toFixed(2)} s, ideal ${(idealMs / 1000).toFixed(2)} s, ratio ${figures.ratio}, most calls in flight ${maxInFlight}`);
    console.log(JSON.stringify(figures));
  } finally {
    server.close();
    await disconnectDb();
    await stop();
  }
}

// exit explicitly: keep-alive sockets and the worker-style timers must not hold a finished benchmark open
main().then(() => process.exit(0), exitWith);
