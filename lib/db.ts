import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

// One client per process; kept on globalThis so Next's dev reloads do not open a pool per edit.
const globalForDb = globalThis as unknown as { flightdeckDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.flightdeckDb ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 }),
  });
  return globalForDb.flightdeckDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.flightdeckDb?.$disconnect();
  globalForDb.flightdeckDb = undefined;
}

export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client";

/** The client inside `db().$transaction(async (tx) => …)`; repos take it so changes and their audit events commit together. */
export type Tx = import("./generated/prisma/client").Prisma.TransactionClient;
