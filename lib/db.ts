import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

// One client per process; kept on globalThis so Next's dev reloads do not open a pool per edit.
const globalForDb = globalThis as unknown as { flightdeckDb?: PrismaClient; flightdeckPgPool?: pg.Pool };

export function db(): PrismaClient {
  globalForDb.flightdeckDb ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 }),
  });
  return globalForDb.flightdeckDb;
}

/**
 * A plain `pg` pool for the few bulk paths where the ORM's per-query overhead is the cost that
 * matters (the trace worker's storage transaction: thousands of spans a second). Everything else
 * goes through `db()`.
 */
export function pgPool(): pg.Pool {
  globalForDb.flightdeckPgPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 4 });
  return globalForDb.flightdeckPgPool;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.flightdeckDb?.$disconnect();
  globalForDb.flightdeckDb = undefined;
  await globalForDb.flightdeckPgPool?.end();
  globalForDb.flightdeckPgPool = undefined;
}

export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client";

/** The client inside `db().$transaction(async (tx) => …)`; repos take it so changes and their audit events commit together. */
export type Tx = import("./generated/prisma/client").Prisma.TransactionClient;
