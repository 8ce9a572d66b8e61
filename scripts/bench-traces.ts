import { parseArgs } from "node:util";
import { prepare, exitWith } from "./services/prepare";
import { applyMigrations } from "../lib/migrations/migrate";
import { db, disconnectDb } from "../lib/db";
import { listTraces, getTrace } from "../lib/traces/query";
import { ZTraceListQuery } from "../lib/traces/list-schemas";
import { makeProject } from "./test/fixtures";

// `npm run bench:traces [-- --traces 100000 --spans-per-trace 10]`: the traces console's queries at
// scale. Fills a database of its own with N traces of S spans (1,000,000 spans by default) spread over
// 30 days — teams, environments, models, errors, PII, injection flags, loops and searchable text in
// realistic proportions — written directly in SQL (generate_series), then times the list page with each
// filter (first page and a deep page reached by cursor), text search, and the trace detail: p50/p99
// over repeated runs. The last line is JSON. Target (issue 5): fast with a million spans — every list
// query well under 100 ms.

const { values } = parseArgs({ options: { traces: { type: "string", default: "100000" }, "spans-per-trace": { type: "string", default: "10" }, runs: { type: "string", default: "20" } } });
const N = Number(values.traces);
const S = Number(values["spans-per-trace"]);
const RUNS = Number(values.runs);

async function fill(projectId: string) {
  const now = Date.now();
  // traces first, then their spans; aggregates consistent with the spans
  await db().$executeRawUnsafe(`
    INSERT INTO "Trace" (id, "projectId", "traceId", name, "startTime", "endTime", status, environment, "releaseId", variant, "promptName", "promptVersion",
      team, "piiTypes", "durationMs", "spanCount", "errorSpans", "inputTokens", "outputTokens", "costUsd", models, "injectionFlagged", "maxToolCalls")
    SELECT 'b' || i, $1, 't' || i, 'support-chat',
      to_timestamp(($2 - (i::bigint * 30 * 86400000 / $3)) / 1000.0) AT TIME ZONE 'UTC',
      to_timestamp(($2 - (i::bigint * 30 * 86400000 / $3) + 2000) / 1000.0) AT TIME ZONE 'UTC',
      (CASE WHEN i % 23 = 0 THEN 'error' ELSE 'ok' END)::"SpanStatus",
      CASE WHEN i % 7 = 0 THEN 'staging' ELSE 'production' END, 'rel-' || (i % 4), CASE WHEN i % 10 = 0 THEN 'canary' ELSE 'stable' END,
      'customer-support', 1 + i % 3, CASE WHEN i % 3 = 0 THEN 'sales' ELSE 'care' END,
      CASE WHEN i % 17 = 0 THEN ARRAY['EMAIL','PHONE'] ELSE ARRAY[]::text[] END,
      2000, $4, CASE WHEN i % 23 = 0 THEN 1 ELSE 0 END, 900 * $4, 120 * $4, 0.002 * (1 + i % 5),
      ARRAY[CASE WHEN i % 5 = 0 THEN 'gpt-4o-2024-08-06' ELSE 'gpt-4.1-mini-2025-04-14' END],
      i % 997 = 0, CASE WHEN i % 1009 = 0 THEN 9 ELSE 1 END
    FROM generate_series(1, $3) AS i`, projectId, now, N, S);
  await db().$executeRawUnsafe(`
    INSERT INTO "Span" (id, "projectId", "traceId", "spanId", "parentSpanId", kind, name, "startTime", "endTime", "durationMs", status, model,
      "inputTokens", "outputTokens", "costUsd", "costSource", input, output, "piiTypes", "injectionFlagged", "injectionReasons", attributes)
    SELECT 'b' || i || '-' || k, $1, 't' || i, 's' || k, CASE WHEN k = 0 THEN NULL ELSE 's0' END,
      (CASE k % 4 WHEN 0 THEN 'llm' WHEN 1 THEN 'retrieval' WHEN 2 THEN 'tool' ELSE 'planning' END)::"SpanKind",
      CASE WHEN k % 4 = 2 THEN 'orders.lookup' ELSE 'step-' || k END,
      to_timestamp(($2 - (i::bigint * 30 * 86400000 / $3) + k * 150) / 1000.0) AT TIME ZONE 'UTC',
      to_timestamp(($2 - (i::bigint * 30 * 86400000 / $3) + k * 150 + 140) / 1000.0) AT TIME ZONE 'UTC',
      140, 'ok', 'gpt-4.1-mini-2025-04-14', 900, 120, 0.0002, 'computed',
      'Customer ' || i || ' asks about order ' || (40000 + i) || ' and the refund policy for item ' || k,
      'Order ' || (40000 + i) || ' ships in ' || (1 + i % 5) || ' days; see the help centre article on returns.',
      ARRAY[]::text[], false, ARRAY[]::text[], '{}'::jsonb
    FROM generate_series(1, $3) AS i, generate_series(0, $4 - 1) AS k`, projectId, now, N, S);
  await db().$executeRawUnsafe(`ANALYZE "Trace"; `);
  await db().$executeRawUnsafe(`ANALYZE "Span"`);
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => Number(s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(2));
  return { p50: at(0.5), p99: at(0.99) };
}

async function main() {
  if (![N, S, RUNS].every((v) => Number.isInteger(v) && v > 0)) throw new Error("--traces, --spans-per-trace and --runs must be positive whole numbers");
  const { env, stop } = await prepare({ database: "flightdeck_bench_traces", reset: true, needRedis: false });
  await applyMigrations(env.DATABASE_URL);
  try {
    const p = await makeProject(["VIEWER"]);
    const viewer = p.as("VIEWER");
    let t = performance.now();
    await fill(p.project.id);
    console.log(`filled ${N.toLocaleString()} traces and ${(N * S).toLocaleString()} spans in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const cases: Record<string, Record<string, string>> = {
      "first page, 30 days": { range: "30d" },
      "first page, 24 hours": { range: "24h" },
      "team + environment": { range: "30d", team: "sales", environment: "staging" },
      "model + status error": { range: "30d", model: "gpt-4o-2024-08-06", status: "error" },
      "release + variant": { range: "30d", release: "rel-2", variant: "canary" },
      "has PII (EMAIL)": { range: "30d", pii: "EMAIL" },
      "injection flagged (rare)": { range: "30d", injection: "true" },
      "loop flagged (rare)": { range: "30d", loop: "true" },
      "cost range": { range: "30d", minCost: "0.009", maxCost: "0.01" },
      "text search, common": { range: "30d", q: "refund policy" },
      "text search, rare": { range: "30d", q: "order 77777 " },
    };
    const figures: Record<string, { p50: number; p99: number; rows: number }> = {};
    for (const [name, params] of Object.entries(cases)) {
      const q = ZTraceListQuery.parse(params);
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        t = performance.now();
        rows = (await listTraces(viewer, q)).traces.length;
        times.push(performance.now() - t);
      }
      figures[name] = { ...stats(times), rows };
      console.log(`${name.padEnd(28)} p50 ${figures[name].p50} ms  p99 ${figures[name].p99} ms  (${rows} rows)`);
    }
    // page 200 of the 30-day list, reached by following cursors, then timed
    let q = ZTraceListQuery.parse({ range: "30d", limit: "50" });
    for (let i = 0; i < 200; i++) q = { ...q, cursor: (await listTraces(viewer, q)).nextCursor ?? undefined };
    const deep: number[] = [];
    for (let i = 0; i < RUNS; i++) { t = performance.now(); await listTraces(viewer, q); deep.push(performance.now() - t); }
    figures["page 200 by cursor"] = { ...stats(deep), rows: 50 };
    console.log(`${"page 200 by cursor".padEnd(28)} p50 ${figures["page 200 by cursor"].p50} ms  p99 ${figures["page 200 by cursor"].p99} ms`);
    const detail: number[] = [];
    for (let i = 0; i < RUNS; i++) { t = performance.now(); await getTrace(viewer, `t${1 + ((i * 7919) % N)}`); detail.push(performance.now() - t); }
    figures["trace detail"] = { ...stats(detail), rows: S };
    console.log(`${"trace detail".padEnd(28)} p50 ${figures["trace detail"].p50} ms  p99 ${figures["trace detail"].p99} ms`);
    const worst = Math.max(...Object.values(figures).map((f) => f.p99));
    console.log(JSON.stringify({ traces: N, spans: N * S, runs: RUNS, worstP99Ms: worst, queries: figures, target: "every list query well under 100 ms at 1,000,000 spans" }));
  } finally {
    await disconnectDb();
    await stop();
  }
}

main().then(() => process.exit(0), exitWith);
