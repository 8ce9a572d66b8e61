import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { exportItems } from "./export";
import { itemOf, presentSummary, presentVersion } from "./present";
import { findDatasets, findDatasetVersion, findDatasetWithVersions, findVersionItems, insertDataset } from "./repo";
import type { DatasetFormat, TCreateDataset, TDatasetDetail, TDatasetItemsPage, TDatasetSummary, TListItemsQuery } from "./schemas";

// Datasets: creating and reading. Changing items (import, add, edit, remove) is in change-items.ts.

export async function createDataset(principal: Principal, input: TCreateDataset): Promise<TDatasetSummary> {
  assertCan(principal, "evals:write");
  return db().$transaction(async (tx) => {
    const created = await insertDataset(tx, {
      projectId: principal.projectId, name: input.name, description: input.description?.trim() || null, tags: [...new Set(input.tags ?? [])].sort(),
    });
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: "dataset.create", resourceType: "dataset", resourceId: created.id,
      after: { name: created.name, description: created.description, tags: created.tags },
    });
    return presentSummary(created);
  }).catch((err) => {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", `A dataset named "${input.name}" already exists in this project.`);
    throw err;
  });
}

export async function listDatasets(principal: Principal): Promise<TDatasetSummary[]> {
  assertCan(principal, "registry:read");
  return (await findDatasets(principal.projectId)).map(presentSummary);
}

export async function getDataset(principal: Principal, name: string): Promise<TDatasetDetail> {
  assertCan(principal, "registry:read");
  const d = await findDatasetWithVersions(principal.projectId, name);
  if (!d) throw new AppError("NOT_FOUND", `No dataset "${name}" in this project.`);
  return { ...presentSummary(d), versions: d.versions.map(presentVersion) };
}

async function versionRow(projectId: string, name: string, version: number) {
  const v = await findDatasetVersion(db(), projectId, name, version);
  if (!v) throw new AppError("NOT_FOUND", `Dataset "${name}" has no version ${version} in this project.`);
  return v;
}

/** One page of a version's items in their order; pass nextCursor back for the next page. */
export async function listDatasetItems(principal: Principal, name: string, version: number, page: TListItemsQuery): Promise<TDatasetItemsPage> {
  assertCan(principal, "registry:read");
  const v = await versionRow(principal.projectId, name, version);
  const rows = await findVersionItems(db(), principal.projectId, v.id, { after: page.cursor, take: page.limit + 1 });
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  return { version: v.version, items: shown.map(itemOf), nextCursor: more ? shown[shown.length - 1].position : null };
}

export async function exportDatasetVersion(principal: Principal, name: string, version: number, format: DatasetFormat) {
  assertCan(principal, "registry:read");
  const v = await versionRow(principal.projectId, name, version);
  const items = (await findVersionItems(db(), principal.projectId, v.id)).map(itemOf);
  return { ...exportItems(items, format), filename: `${name}-v${v.version}` };
}
