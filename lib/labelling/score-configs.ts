import { db, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { parseDimensions } from "./rubric";
import {
  findLatestScoreConfigVersion, findScoreConfigs, findScoreConfigWithVersions, insertScoreConfig, insertScoreConfigVersion, lockScoreConfig,
  touchScoreConfig,
} from "./repo";
import type { TCreateScoreConfig, TCreateScoreConfigVersion, TScoreConfig, TScoreConfigDetail, TScoreConfigVersion } from "./schemas";

// Rubrics (score configs). Versions are immutable: changing a rubric writes the next version, and
// queues pin the version they were made with, so labels always mean what their rubric said.

interface VersionRow {
  id: string; version: number; dimensions: unknown; guidelines: string; changelog: string; authorLabel: string; createdAt: Date;
}
interface ConfigRow { id: string; name: string; description: string | null; updatedAt: Date; versions: VersionRow[] }

export function presentScoreConfigVersion(v: VersionRow): TScoreConfigVersion {
  return {
    id: v.id, version: v.version, dimensions: parseDimensions(v.dimensions), guidelines: v.guidelines, changelog: v.changelog,
    authorLabel: v.authorLabel, createdAt: v.createdAt.toISOString(),
  };
}

function presentScoreConfig(c: ConfigRow): TScoreConfig {
  return { id: c.id, name: c.name, description: c.description, latestVersion: presentScoreConfigVersion(c.versions[0]), updatedAt: c.updatedAt.toISOString() };
}

async function writeVersion(tx: Tx, principal: Principal, scoreConfigId: string, version: number, input: TCreateScoreConfigVersion) {
  const row = await insertScoreConfigVersion(tx, {
    projectId: principal.projectId, scoreConfigId, version, dimensions: input.dimensions, guidelines: input.guidelines, changelog: input.changelog,
    authorId: principal.kind === "user" ? principal.userId : null, authorLabel: principal.label,
  });
  await appendAuditEvent(tx, {
    ...auditActor(principal), action: "score_config.version", resourceType: "score_config", resourceId: scoreConfigId,
    after: { versionId: row.id, version, dimensions: input.dimensions.map((d) => d.name), changelog: input.changelog },
  });
  return row;
}

export async function createScoreConfig(principal: Principal, input: TCreateScoreConfig): Promise<TScoreConfig> {
  assertCan(principal, "labels:manage");
  return db()
    .$transaction(async (tx) => {
      const config = await insertScoreConfig(tx, { projectId: principal.projectId, name: input.name, description: input.description || null });
      await appendAuditEvent(tx, {
        ...auditActor(principal), action: "score_config.create", resourceType: "score_config", resourceId: config.id,
        after: { name: config.name, description: config.description },
      });
      const v = await writeVersion(tx, principal, config.id, 1, { dimensions: input.dimensions, guidelines: input.guidelines, changelog: input.changelog ?? "First version" });
      return presentScoreConfig({ ...config, versions: [v] });
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw new AppError("CONFLICT", `A rubric named "${input.name}" already exists in this project.`);
      throw err;
    });
}

export async function createScoreConfigVersion(principal: Principal, scoreConfigId: string, input: TCreateScoreConfigVersion): Promise<TScoreConfig> {
  assertCan(principal, "labels:manage");
  return db().$transaction(async (tx) => {
    if (!(await lockScoreConfig(tx, principal.projectId, scoreConfigId))) throw new AppError("NOT_FOUND", "No such rubric in this project.");
    const latest = await findLatestScoreConfigVersion(tx, scoreConfigId);
    const v = await writeVersion(tx, principal, scoreConfigId, (latest?.version ?? 0) + 1, input);
    const config = await touchScoreConfig(tx, scoreConfigId);
    return presentScoreConfig({ ...config, versions: [v] });
  });
}

export async function listScoreConfigs(principal: Principal): Promise<TScoreConfig[]> {
  assertCan(principal, "registry:read");
  return (await findScoreConfigs(principal.projectId)).filter((c) => c.versions.length > 0).map(presentScoreConfig);
}

export async function getScoreConfig(principal: Principal, id: string): Promise<TScoreConfigDetail> {
  assertCan(principal, "registry:read");
  const c = await findScoreConfigWithVersions(principal.projectId, id);
  if (!c || c.versions.length === 0) throw new AppError("NOT_FOUND", "No such rubric in this project.");
  return { ...presentScoreConfig(c), versions: c.versions.map(presentScoreConfigVersion) };
}
