import fs from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR, NO_FILTERS, listMigrations, openSchemaEngine, readSchema } from "./schema-engine";

/** Applies pending migrations from prisma/migrations, recording each in `_prisma_migrations`. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    const out = await engine.applyMigrations({ migrationsList: listMigrations(), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  } finally {
    await close();
  }
}

// The wasm engine cannot introspect a live database (it fails on PostgreSQL's "char" columns), so
// history is not replayed on a shadow database. Instead each migration folder keeps a snapshot of
// the schema it leads to (schema.prisma), and a new migration is the diff between two datamodels.
const SNAPSHOT = "schema.prisma";

function latestSnapshot(): string | null {
  const dirs = listMigrations().migrationDirectories;
  const last = dirs[dirs.length - 1];
  if (!last) return null;
  const file = path.join(MIGRATIONS_DIR, last.path, SNAPSHOT);
  if (!fs.existsSync(file)) throw new Error(`${last.path} has no ${SNAPSHOT} snapshot to diff against.`);
  return fs.readFileSync(file, "utf8");
}

/** SQL that takes a datamodel (or an empty database) to `to` (default: prisma/schema.prisma). */
export async function diffDatamodels(databaseUrl: string, from: string | null, to: string = readSchema()): Promise<string> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    const out = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: to }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return out.stdout ?? "";
  } finally {
    await close();
  }
}

const NO_STATEMENTS = /^(\s|--[^\n]*(\n|$))*$/;

/** Writes a new migration directory for whatever schema.prisma changed since the last migration. */
export async function createMigration(databaseUrl: string, name: string, now = new Date()): Promise<string | null> {
  const schema = readSchema();
  const sql = await diffDatamodels(databaseUrl, latestSnapshot(), schema);
  if (NO_STATEMENTS.test(sql)) return null;
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name.replace(/[^a-z0-9_]+/gi, "_").toLowerCase()}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.writeFileSync(path.join(dir, SNAPSHOT), schema);
  return dir;
}
