import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffDatamodels } from "./migrate";
import { MIGRATIONS_DIR } from "./schema-engine";

// The database built by replaying prisma/migrations (flightdeck_test, migrated by the test runner)
// must equal the database Prisma's own engine builds straight from schema.prisma: every table,
// column, type, nullability, default, index and foreign key.

const migratedUrl = process.env.DATABASE_URL!;
const referenceDb = `flightdeck_schema_ref_${process.pid}`;
const withDb = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
const referenceUrl = withDb(migratedUrl, referenceDb);

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

const CATALOG = {
  columns: `select table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
            from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations' order by 1, 2`,
  indexes: `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations' order by 1, 2`,
  constraints: `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def from pg_constraint
                where connamespace = 'public'::regnamespace and conrelid::regclass::text <> '_prisma_migrations' order by 1, 2`,
  enums: `select t.typname, array_agg(e.enumlabel order by e.enumsortorder)::text as labels from pg_type t join pg_enum e on e.enumtypid = t.oid group by 1 order by 1`,
};

async function catalog(url: string) {
  const out: Record<string, unknown[]> = {};
  for (const [k, sql] of Object.entries(CATALOG)) out[k] = await query(url, sql);
  return out;
}

beforeAll(async () => {
  await query(withDb(migratedUrl, "postgres"), `drop database if exists "${referenceDb}" with (force)`);
  await query(withDb(migratedUrl, "postgres"), `create database "${referenceDb}"`);
  const sql = await diffDatamodels(referenceUrl, null);
  // the trigram indexes on span text need pg_trgm, which the migration creates by hand (the datamodel
  // cannot declare extensions without a preview feature)
  await query(referenceUrl, "create extension if not exists pg_trgm");
  await query(referenceUrl, sql);
});

afterAll(async () => {
  await query(withDb(migratedUrl, "postgres"), `drop database if exists "${referenceDb}" with (force)`);
});

describe("migrations", () => {
  it("produce exactly the schema that schema.prisma describes", async () => {
    const [migrated, reference] = await Promise.all([catalog(migratedUrl), catalog(referenceUrl)]);
    expect(reference.columns.length).toBeGreaterThan(30);
    expect(migrated.columns).toEqual(reference.columns);
    expect(migrated.indexes).toEqual(reference.indexes);
    expect(migrated.constraints).toEqual(reference.constraints);
    expect(migrated.enums).toEqual(reference.enums);
  });

  it("are recorded in _prisma_migrations as prisma migrate records them", async () => {
    const dirs = fs.readdirSync(MIGRATIONS_DIR).filter((d) => fs.statSync(path.join(MIGRATIONS_DIR, d)).isDirectory()).sort();
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      migratedUrl,
      `select migration_name, checksum, finished_at, rolled_back_at from _prisma_migrations order by migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const r of rows) {
      const file = fs.readFileSync(path.join(MIGRATIONS_DIR, r.migration_name, "migration.sql"));
      expect(r.checksum).toBe(crypto.createHash("sha256").update(file).digest("hex"));
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
    }
  });

  it("keep a schema snapshot in the newest migration equal to schema.prisma (no unmigrated change)", () => {
    const dirs = fs.readdirSync(MIGRATIONS_DIR).filter((d) => fs.statSync(path.join(MIGRATIONS_DIR, d)).isDirectory()).sort();
    const snapshot = fs.readFileSync(path.join(MIGRATIONS_DIR, dirs.at(-1)!, "schema.prisma"), "utf8");
    expect(snapshot).toBe(fs.readFileSync("prisma/schema.prisma", "utf8"));
  });
});
