import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's migration engine, compiled to WebAssembly, driven through @prisma/adapter-pg. It needs no
// downloaded binary, so migrations work offline and behind firewalls, and it keeps the same
// `_prisma_migrations` bookkeeping as `prisma migrate deploy`.
type WasmModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
export type SchemaEngine = Awaited<ReturnType<WasmModule["SchemaEngine"]["new"]>>;

const require = createRequire(import.meta.url);
let wasmReady: Promise<WasmModule> | undefined;

function loadWasm(): Promise<WasmModule> {
  wasmReady ??= (async () => {
    const bg: WasmModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return wasmReady;
}

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export function readSchema(): string {
  return fs.readFileSync(SCHEMA_PATH, "utf8");
}

/**
 * @prisma/adapter-pg runs a script by splitting it on every ";", which breaks any migration with a
 * function body or a literal containing one. PostgreSQL runs a multi-statement script sent as one
 * simple query (as Prisma's native engine sends it), so send it whole.
 */
function runScriptsWhole(adapter: object) {
  const a = adapter as { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never; executeScript(s: string): Promise<void> };
  a.executeScript = async (script: string) => {
    try {
      await a.client.query(script);
    } catch (error) {
      a.onError(error);
    }
  };
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections, which also releases Prisma's migration lock. */
  close(): Promise<void>;
}

export async function openSchemaEngine(databaseUrl: string): Promise<OpenEngine> {
  const bg = await loadWasm();
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    runScriptsWhole(adapter);
    opened.push(adapter);
    return adapter;
  };
  const engine = await bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", readSchema()]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
    },
  };
}

export function listMigrations() {
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs.readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
      },
    })),
  };
}
