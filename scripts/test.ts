import fs from "node:fs";
import { spawnSync } from "node:child_process";
import { applyMigrations } from "../lib/migrations/migrate";
import { exitWith, log, prepare } from "./services/prepare";

// `npm test`: every layer in order — unit, integration (real PostgreSQL + Redis in their own
// database and key prefix), end-to-end (real Chromium against the built app and a running worker).
// `npm test -- unit|int|e2e` runs one layer. PostgreSQL is found as `npm start` finds it.

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const args = process.argv.slice(2);
const layers = args.filter((a) => ["unit", "int", "e2e"].includes(a));
const run = layers.length ? layers : ["unit", "int", "e2e"];
// anything else is passed to the runner as a file filter: `npm run test:int -- lib/audit`
const filters = args.filter((a) => !layers.includes(a));
// TEST_ISOLATION=name gives a run its own database and Redis prefix, so two people (or agents) can
// run integration tests on one machine at once
const isolation = (process.env.TEST_ISOLATION ?? "").replace(/[^a-z0-9]/gi, "").toLowerCase();
const TEST_DB = `flightdeck_test${isolation ? `_${isolation}` : ""}`;
const originalDatabaseUrl = process.env.DATABASE_URL;

function exec(cmd: string, args: string[], env: NodeJS.ProcessEnv): number {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  return r.status ?? 1;
}

// Each runner also writes a JSON report, so the run can end with one "N passed, N failed" line.
const REPORT_DIR = `.data/test-reports${isolation ? `-${isolation}` : ""}`;
const totals = { passed: 0, failed: 0, skipped: 0 };

function vitest(project: string): number {
  const out = `${REPORT_DIR}/${project}.json`;
  const code = exec("node_modules/.bin/vitest", ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...filters], process.env);
  const r = readReport<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(out);
  if (r) {
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  }
  return code;
}

function playwright(env: NodeJS.ProcessEnv): number {
  const out = `${REPORT_DIR}/e2e.json`;
  const code = exec("node_modules/.bin/playwright", ["test", "--reporter=list,json", ...filters], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const r = readReport<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(out);
  if (r) {
    totals.passed += r.stats.expected + r.stats.flaky;
    totals.failed += r.stats.unexpected;
    totals.skipped += r.stats.skipped;
  }
  return code;
}

function readReport<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function main() {
  fs.rmSync(REPORT_DIR, { recursive: true, force: true });
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  const results: [string, number][] = [];
  if (run.includes("unit")) {
    log("unit tests");
    results.push(["unit", vitest("unit")]);
  }
  if (run.includes("int") || run.includes("e2e")) {
    if (run.includes("e2e") && !fs.existsSync(CHROMIUM)) {
      console.error(`[flightdeck] Chromium is missing at ${CHROMIUM}. Install it with:\n  sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to a Chromium binary), then run the tests again.`);
      process.exit(1);
    }
    process.env.REDIS_PREFIX = `fdtest${isolation}`;
    // request and sign-in logs of the code under test would drown the runners' output
    process.env.LOG_LEVEL ||= "warn";
    process.env.FLIGHTDECK_MODE = "demo";
    // only the integration layer owns flightdeck_test; e2e runs on flightdeck_e2e (see playwright.config.ts)
    const prepared = await prepare(run.includes("int") ? { database: TEST_DB, reset: true } : {});
    try {
      if (run.includes("int")) {
        await applyMigrations(prepared.env.DATABASE_URL);
        log(`integration tests (database ${TEST_DB}, Redis prefix ${process.env.REDIS_PREFIX})`);
        results.push(["int", vitest("int")]);
      }
      if (run.includes("e2e")) {
        log("end-to-end tests (Chromium, database flightdeck_e2e, port 3100)");
        const env = { ...process.env, DATABASE_URL: originalDatabaseUrl ?? "", CHROMIUM_PATH: CHROMIUM };
        results.push(["e2e", playwright(env)]);
      }
    } finally {
      await prepared.stop();
    }
  }
  const failed = results.filter(([, code]) => code !== 0).map(([name]) => name);
  log(failed.length ? `FAILED: ${failed.join(", ")}` : `all test layers passed (${results.map(([n]) => n).join(", ")})`);
  // a layer that crashed before reporting counts as a failure even if its tests never ran
  const unreported = failed.length && totals.failed === 0 ? failed.length : 0;
  console.log(`${totals.passed} passed, ${totals.failed + unreported} failed, ${totals.skipped} skipped`);
  process.exit(failed.length ? 1 : 0);
}

main().catch(exitWith);
