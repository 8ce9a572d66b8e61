import { parseArgs } from "node:util";
import { applyMigrations, createMigration } from "../lib/migrations/migrate";
import { seedDemo } from "../lib/seed/demo";
import { disconnectDb, db } from "../lib/db";
import { closeRedis } from "../lib/redis";
import { createApiKey, revokeApiKey } from "../lib/apikeys/service";
import { ZCreateApiKey } from "../lib/apikeys/schemas";
import { runAuditVerification } from "../lib/audit/service";
import { createUser } from "../lib/members/create-user";
import { ZCreateUser } from "../lib/members/schemas";
import { parseOrThrow } from "../lib/errors";
import type { Principal } from "../lib/authz/principal";
import { exitWith, prepare } from "./services/prepare";
import { EVAL_HELP, runEvalCommand, type EvalOptions } from "./eval-command";
import { scrubJsonlStream } from "../lib/guard/pii/bench";
import { scoreJsonlStream } from "../lib/guard/injection/bench";

// Admin CLI: `npm run cli -- <command> [options]`. It finds the database the same way `npm start`
// does. Changes are audited with actor "system" / "cli".

const HELP = `Usage: npm run cli -- <command> [options]

  db:migrate                         apply pending migrations
  db:new-migration --name NAME       write a migration for changes to prisma/schema.prisma
  db:seed                            create the demo organization if missing (demo mode)
  user:create --email E --name N [--password P] [--project SLUG --role ROLE]
  apikey:create --project SLUG --scopes a,b [--name N] [--expires-days D]
                                     prints the new key alone on the last line
  apikey:revoke --project SLUG --id ID
  audit:verify                       verify the audit hash chain; names the first broken link
${EVAL_HELP}
  guard:pii < IN.jsonl               {"text"} lines in, {"spans": [[start, end, "TYPE"], …]} lines out
  guard:injection < IN.jsonl         {"text"} lines in, {"score", "flagged"} lines out`;

async function cliPrincipal(slug: string): Promise<Principal> {
  const project = await db().project.findUnique({ where: { slug } });
  if (!project) throw new Error(`No project with slug "${slug}".`);
  return { kind: "system", actorId: "cli", label: "Admin CLI", projectId: project.id };
}

async function run(command: string | undefined, values: Record<string, string | undefined>): Promise<number> {
  // a client of the HTTP API: needs no database or Redis of its own
  if (command === "eval") return runEvalCommand(values as EvalOptions);
  // the guards in bulk: JSONL {"text"} on stdin, one JSON line per input line on stdout, in order
  if (command === "guard:pii") return scrubJsonlStream(process.stdin, process.stdout).then(() => 0);
  if (command === "guard:injection") return scoreJsonlStream(process.stdin, process.stdout).then(() => 0);
  const needsRedis = command === "audit:verify";
  const { env } = await prepare({ needRedis: needsRedis });
  switch (command) {
    case "db:migrate": {
      const applied = await applyMigrations(env.DATABASE_URL);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database schema is up to date.");
      return 0;
    }
    case "db:new-migration": {
      if (!values.name) throw new Error("--name is required");
      const dir = await createMigration(env.DATABASE_URL, values.name);
      console.log(dir ? `Wrote ${dir}/migration.sql` : "schema.prisma matches the migrations; nothing to write.");
      return 0;
    }
    case "db:seed": {
      if (env.FLIGHTDECK_MODE !== "demo") throw new Error("The demo seed runs in demo mode only (FLIGHTDECK_MODE=demo).");
      await applyMigrations(env.DATABASE_URL);
      console.log((await seedDemo()) ? "Seeded the demo organization." : "Demo data already present; nothing changed.");
      return 0;
    }
    case "user:create": {
      const input = parseOrThrow(ZCreateUser, { email: values.email, name: values.name, password: values.password, project: values.project, role: values.role }, "Options");
      const { user, password } = await createUser(input, { actorType: "system", actorId: "cli", actorLabel: "Admin CLI" });
      console.log(`Created ${user.email}${input.project ? ` as ${input.role} in ${input.project}` : ""}.`);
      if (password) console.log(`One-time password (shown once):\n${password}`);
      return 0;
    }
    case "apikey:create": {
      if (!values.project) throw new Error("--project is required");
      const input = parseOrThrow(ZCreateApiKey, {
        name: values.name ?? "CLI key",
        scopes: (values.scopes ?? "").split(",").map((s) => s.trim()).filter(Boolean),
        expiresInDays: values["expires-days"] ?? null,
      }, "Options");
      const key = await createApiKey(await cliPrincipal(values.project), input);
      console.log(`Created API key ${key.prefix} (${key.scopes.join(", ")})${key.expiresAt ? `, expires ${key.expiresAt}` : ""}. It is shown once:`);
      console.log(key.token);
      return 0;
    }
    case "apikey:revoke": {
      if (!values.project || !values.id) throw new Error("--project and --id are required");
      const key = await revokeApiKey(await cliPrincipal(values.project), values.id);
      console.log(`Revoked ${key.prefix}.`);
      return 0;
    }
    case "audit:verify": {
      const r = await runAuditVerification(`cli:${new Date().toISOString()}`);
      if (r.ok) {
        console.log(`Audit chain intact: ${r.checked} events verified.`);
        return 0;
      }
      console.error(`Audit chain BROKEN at event seq ${r.brokenSeq}: ${r.reason}. ${r.checked} events before it verified.`);
      return 3;
    }
    default:
      console.log(HELP);
      return command ? 2 : 0;
  }
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: "string" }, name: { type: "string" }, password: { type: "string" }, project: { type: "string" },
    role: { type: "string" }, scopes: { type: "string" }, "expires-days": { type: "string" }, id: { type: "string" },
    dataset: { type: "string" }, prompt: { type: "string" }, model: { type: "string" }, retrieval: { type: "string" }, scorers: { type: "string" },
    "judge-model": { type: "string" }, "judge-prompt": { type: "string" }, repeats: { type: "string" }, "cost-cap": { type: "string" },
    baseline: { type: "string" }, wait: { type: "boolean" }, min: { type: "string", multiple: true }, "timeout-minutes": { type: "string" }, "max-failed": { type: "string" },
  },
});

run(positionals[0], values as Record<string, string | undefined>)
  .then(async (code) => {
    await disconnectDb();
    await closeRedis();
    process.exit(code);
  })
  .catch(exitWith);
