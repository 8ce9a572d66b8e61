import { parse, stringify } from "yaml";
import { z } from "zod";
import { db } from "../db";
import { AppError, parseOrThrow, type FieldIssue } from "../errors";
import { assertCan, can, type Principal } from "../authz/principal";
import { createRelease } from "../releases/service";
import type { TReleaseDetail } from "../releases/schemas";
import { findLastArrival, findModelVersionByName, findPromptVersionByName, findReleaseBundle, findRetrievalVersionByName } from "./repo";
import { presentBundle } from "./bundle";
import { environmentOrThrow } from "./service";
import type { TImportConfig } from "./schemas";

// Deployment config as YAML (issue 6), for teams that keep releases in git: export what an
// environment runs — pinned model and fallbacks, prompt versions by role, retrieval config version,
// promoted at / by and the gate result at promotion — and import the same file to create a draft
// release. Everything is named (connection + provider model id, prompt name + version), not by id, so
// a file exported from one installation imports into another that has the same registry.

export const CONFIG_FORMAT = "flightdeck/deployment-config@1";

const ZModelName = z.object({ connection: z.string().trim().min(1).max(80), model: z.string().trim().min(1).max(200) }).passthrough();
const ZVersionName = z.object({ name: z.string().trim().min(1).max(120), version: z.number().int().min(1) }).passthrough();

/** What import reads; the rest of the file (environment, promoted, gate, hashes) is information. */
export const ZDeploymentConfigFile = z
  .object({
    format: z.literal(CONFIG_FORMAT, { message: `this is not a Flightdeck deployment config (format: ${CONFIG_FORMAT})` }),
    release: z
      .object({
        version: z.string().trim().min(1).max(64),
        notes: z.string().max(10_000).default(""),
        model: ZModelName,
        fallbacks: z.array(ZModelName).max(5).default([]),
        prompts: z.record(z.string(), ZVersionName),
        retrieval: ZVersionName.nullable().default(null),
      })
      .passthrough(),
  })
  .passthrough();


type Bundle = ReturnType<typeof presentBundle>;

async function section(projectId: string, environmentId: string, releaseId: string, pointer: "stable" | "canary") {
  const rows = await findReleaseBundle(db(), projectId, releaseId);
  if (!rows) return null;
  const b: Bundle = presentBundle(rows);
  const arrival = await findLastArrival(environmentId, releaseId, pointer);
  const gate = (arrival?.gateResult ?? null) as { passed?: boolean; policyVersion?: number | null; checks?: { id: string; passed: boolean; actual: unknown; required: unknown }[] } | null;
  return {
    release: {
      version: b.release.version,
      notes: rows.release.notes,
      contentHash: rows.release.contentHash,
      model: { connection: b.model.connection, provider: b.model.provider, model: b.model.model },
      fallbacks: b.model.fallbacks.map((f) => ({ connection: f.connection, provider: f.provider, model: f.model })),
      prompts: Object.fromEntries(Object.entries(b.prompts).map(([role, p]) => [role, { name: p.name, version: p.version }])),
      retrieval: b.retrieval ? { name: b.retrieval.name, version: b.retrieval.version } : null,
    },
    promoted: arrival ? { at: arrival.createdAt.toISOString(), by: arrival.actorLabel, action: arrival.action, reason: arrival.reason } : null,
    gate: gate
      ? { passed: gate.passed ?? null, policyVersion: gate.policyVersion ?? null, checks: (gate.checks ?? []).map((c) => ({ id: c.id, passed: c.passed, actual: c.actual, required: c.required })) }
      : null,
  };
}

/** The YAML of what an environment runs (its stable release, and the canary with its share if one runs). */
export async function exportDeploymentConfig(principal: Principal, envName: string): Promise<string> {
  if (!can(principal, "releases:deploy")) assertCan(principal, "registry:read");
  const env = await environmentOrThrow(principal.projectId, envName);
  if (!env.stableReleaseId) throw new AppError("NOT_FOUND", `Nothing is deployed to "${envName}" yet.`);
  const stable = await section(principal.projectId, env.id, env.stableReleaseId, "stable");
  if (!stable) throw new AppError("NOT_FOUND", `Nothing is deployed to "${envName}" yet.`);
  const canary = env.canaryReleaseId ? await section(principal.projectId, env.id, env.canaryReleaseId, "canary") : null;
  const doc = {
    format: CONFIG_FORMAT,
    environment: env.name,
    exportedAt: new Date().toISOString(),
    ...stable,
    ...(canary ? { canary: { percent: env.canaryPercent, ...canary } } : {}),
  };
  return `# Flightdeck deployment config: what "${env.name}" runs. Import it (POST …/environments/{env}/config) to create a draft release.\n${stringify(doc, { lineWidth: 0 })}`;
}

/** Creates a draft release from an exported file, resolving every name in this project; 422 naming each unknown one. */
export async function importDeploymentConfig(principal: Principal, envName: string, input: TImportConfig): Promise<TReleaseDetail> {
  assertCan(principal, "releases:write");
  await environmentOrThrow(principal.projectId, envName);
  let raw: unknown;
  try {
    raw = parse(input.yaml, { maxAliasCount: 50 });
  } catch (e) {
    throw new AppError("VALIDATION", `The file is not valid YAML: ${(e as Error).message}`, [{ field: "yaml", message: (e as Error).message }]);
  }
  const file = parseOrThrow(ZDeploymentConfigFile, raw, "Deployment config");
  const r = file.release;
  const issues: FieldIssue[] = [];
  const model = async (m: { connection: string; model: string }, field: string) => {
    const row = await findModelVersionByName(principal.projectId, m.connection, m.model);
    if (!row) issues.push({ field, message: `no model "${m.model}" on connection "${m.connection}" in this project` });
    return row?.id ?? "";
  };
  const modelVersionId = await model(r.model, "release.model");
  const fallbackModelVersionIds: string[] = [];
  for (const [i, f] of r.fallbacks.entries()) fallbackModelVersionIds.push(await model(f, `release.fallbacks.${i}`));
  const prompts: Record<string, string> = {};
  for (const [role, p] of Object.entries(r.prompts)) {
    const row = await findPromptVersionByName(principal.projectId, p.name, p.version);
    if (!row) issues.push({ field: `release.prompts.${role}`, message: `no prompt "${p.name}" version ${p.version} in this project` });
    prompts[role] = row?.id ?? "";
  }
  let retrievalConfigVersionId: string | null = null;
  if (r.retrieval) {
    const row = await findRetrievalVersionByName(principal.projectId, r.retrieval.name, r.retrieval.version);
    if (!row) issues.push({ field: "release.retrieval", message: `no retrieval config "${r.retrieval.name}" version ${r.retrieval.version} in this project` });
    retrievalConfigVersionId = row?.id ?? null;
  }
  if (issues.length) throw new AppError("VALIDATION", `The file names what this project does not have — ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`, issues);
  return createRelease(principal, { version: input.version ?? r.version, notes: r.notes, prompts, modelVersionId, fallbackModelVersionIds, retrievalConfigVersionId });
}

