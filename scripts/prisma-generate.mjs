// `prisma generate` offline: the CLI insists on locating a schema engine binary before generating,
// but never runs it for generate. Pointing it at any existing file skips the download, which is
// impossible behind a firewall. Migrations do not use the CLI (see lib/migrations).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const r = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
