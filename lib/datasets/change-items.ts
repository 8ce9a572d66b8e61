import { db, type Tx } from "../db";
import { AppError, type FieldIssue } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { assignKey, datasetContentHash, normalizeItem } from "./content";
import { parseCsv, parseJsonl } from "./import";
import { itemOf } from "./present";
import { findDatasetByName, findLatestDatasetVersion, findVersionItems, insertDatasetVersion, lockDataset, touchDataset } from "./repo";
import {
  MAX_IMPORT_BYTES, MAX_ITEMS_PER_VERSION, type DatasetItem, type ImportIssue, type TAddDatasetItem, type TImportDataset, type TImportResult,
  type TSavedDatasetVersion, type TUpdateDatasetItem,
} from "./schemas";

// Changing a dataset's items. Versions are copy-on-write: every change writes a new immutable version
// with a full copy of its items (at most 50,000), so a run pins exactly what it scored. A change whose
// items hash like the latest version's writes nothing.

type Dataset = NonNullable<Awaited<ReturnType<typeof findDatasetByName>>>;
type Version = NonNullable<Awaited<ReturnType<typeof findLatestDatasetVersion>>>;

const MAX_REPORTED = 200;

export function reportIssues(errors: ImportIssue[]): FieldIssue[] {
  return errors.slice(0, MAX_REPORTED).map((e) => ({ field: `line ${e.line}${e.field ? `: ${e.field}` : ""}`, message: e.message }));
}

function invalidFile(errors: ImportIssue[], hint: string): AppError {
  const first = errors.slice(0, 5).map((e) => `line ${e.line}${e.field ? ` (${e.field})` : ""}: ${e.message}`).join("; ");
  const more = errors.length > 5 ? `; and ${errors.length - 5} more` : "";
  return new AppError("VALIDATION", `${errors.length} invalid line${errors.length === 1 ? "" : "s"}, nothing imported${hint} — ${first}${more}`, reportIssues(errors));
}

/** Runs fn on the dataset's latest items under the dataset's row lock. */
async function withLatest<T>(principal: Principal, name: string, fn: (tx: Tx, d: Dataset, latest: Version | null, items: DatasetItem[]) => Promise<T>) {
  assertCan(principal, "evals:write");
  return db().$transaction(
    async (tx) => {
      const d = await findDatasetByName(tx, principal.projectId, name);
      if (!d) throw new AppError("NOT_FOUND", `No dataset "${name}" in this project.`);
      await lockDataset(tx, principal.projectId, d.id);
      const latest = await findLatestDatasetVersion(tx, d.id);
      const items = latest ? (await findVersionItems(tx, principal.projectId, latest.id)).map(itemOf) : [];
      return fn(tx, d, latest, items);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

async function writeVersion(
  tx: Tx, principal: Principal, d: Dataset, latest: Version | null, items: DatasetItem[], changelog: string, audit: Record<string, unknown>,
): Promise<TSavedDatasetVersion> {
  if (items.length > MAX_ITEMS_PER_VERSION) {
    throw new AppError("VALIDATION", `A version holds at most ${MAX_ITEMS_PER_VERSION.toLocaleString("en")} items; this change would make ${items.length.toLocaleString("en")}.`, [
      { field: "items", message: `at most ${MAX_ITEMS_PER_VERSION.toLocaleString("en")} items` },
    ]);
  }
  const contentHash = datasetContentHash(items);
  if (latest ? latest.contentHash === contentHash : items.length === 0) {
    return { datasetId: d.id, name: d.name, version: latest?.version ?? null, itemCount: latest?.itemCount ?? 0, contentHash: latest?.contentHash ?? null, unchanged: true };
  }
  const created = await insertDatasetVersion(tx, {
    projectId: principal.projectId, datasetId: d.id, version: (latest?.version ?? 0) + 1, itemCount: items.length, contentHash, changelog,
    authorId: principal.kind === "user" ? principal.userId : null, authorLabel: principal.label,
  }, items);
  await touchDataset(tx, d.id);
  await appendAuditEvent(tx, {
    ...auditActor(principal), action: "dataset.version.create", resourceType: "datasetVersion", resourceId: created.id,
    before: latest ? { version: latest.version, itemCount: latest.itemCount, contentHash: latest.contentHash } : null,
    after: { name: d.name, version: created.version, itemCount: created.itemCount, contentHash, changelog, ...audit },
  });
  return { datasetId: d.id, name: d.name, version: created.version, itemCount: created.itemCount, contentHash, unchanged: false };
}

/**
 * Imports a CSV or JSONL file as the next version (appended to or replacing the latest items). Any
 * invalid line refuses the whole file with the full report (422) unless skipInvalid; then the valid
 * lines are imported and the skipped ones reported.
 */
export async function importDatasetItems(principal: Principal, name: string, input: TImportDataset): Promise<TImportResult> {
  assertCan(principal, "evals:write");
  const bytes = Buffer.byteLength(input.text, "utf8");
  if (bytes > MAX_IMPORT_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it and append the parts.`);
  }
  const parsed = input.format === "csv" ? parseCsv(input.text) : parseJsonl(input.text);
  if (parsed.fatal) throw invalidFile(parsed.errors, "");
  if (parsed.errors.length && !input.skipInvalid) throw invalidFile(parsed.errors, ' (choose "skip invalid lines" to import the rest)');

  return withLatest(principal, name, async (tx, d, latest, current) => {
    const errors = [...parsed.errors];
    const kept = input.mode === "append" ? current : [];
    const taken = new Set(kept.map((i) => i.key));
    const added: DatasetItem[] = [];
    // given keys first, so a generated key never takes a key the file names later
    const reserved = new Set([...taken, ...parsed.items.flatMap((p) => (p.item.key ? [p.item.key] : []))]);
    const lineKeys = new Set<string>();
    for (const { line, item } of parsed.items) {
      if (item.key && taken.has(item.key)) {
        errors.push({ line, field: "key", message: `key "${item.key}" is already in the dataset; use replace mode or another key` });
        continue;
      }
      if (item.key && lineKeys.has(item.key)) {
        errors.push({ line, field: "key", message: `key "${item.key}" appears on an earlier line` });
        continue;
      }
      const withKey = assignKey(item, reserved);
      if (item.key) lineKeys.add(item.key);
      taken.add(withKey.key);
      reserved.add(withKey.key);
      added.push(withKey);
    }
    errors.sort((a, b) => a.line - b.line);
    if (errors.length && !input.skipInvalid) throw invalidFile(errors, ' (choose "skip invalid lines" to import the rest)');
    if (!added.length) throw invalidFile(errors.length ? errors : [{ line: 1, message: "no valid items" }], "");
    const changelog = input.changelog?.trim() || `Imported ${added.length} item${added.length === 1 ? "" : "s"} from ${input.format.toUpperCase()} (${input.mode})`;
    const saved = await writeVersion(tx, principal, d, latest, [...kept, ...added], changelog, {
      source: "import", format: input.format, mode: input.mode, imported: added.length, skipped: errors.length,
    });
    return { ...saved, imported: added.length, skipped: errors };
  });
}

export async function addDatasetItem(principal: Principal, name: string, input: TAddDatasetItem): Promise<TSavedDatasetVersion & { key: string }> {
  const { changelog, ...raw } = input;
  return withLatest(principal, name, async (tx, d, latest, items) => {
    const taken = new Set(items.map((i) => i.key));
    if (raw.key && taken.has(raw.key)) throw new AppError("CONFLICT", `Dataset "${name}" already has an item "${raw.key}"; edit it instead.`);
    const item = assignKey(normalizeItem(raw), taken);
    const saved = await writeVersion(tx, principal, d, latest, [...items, item], changelog?.trim() || `Added item ${item.key}`, { source: "item.add", key: item.key });
    return { ...saved, key: item.key };
  });
}

export async function updateDatasetItem(principal: Principal, name: string, key: string, input: TUpdateDatasetItem): Promise<TSavedDatasetVersion> {
  const { changelog, ...raw } = input;
  return withLatest(principal, name, async (tx, d, latest, items) => {
    const at = items.findIndex((i) => i.key === key);
    if (at < 0) throw new AppError("NOT_FOUND", `Dataset "${name}" has no item "${key}" in its latest version.`);
    const next = [...items];
    next[at] = { ...normalizeItem({ ...raw, key }), key };
    return writeVersion(tx, principal, d, latest, next, changelog?.trim() || `Edited item ${key}`, { source: "item.update", key });
  });
}

export async function removeDatasetItem(principal: Principal, name: string, key: string, changelog?: string): Promise<TSavedDatasetVersion> {
  return withLatest(principal, name, async (tx, d, latest, items) => {
    if (!items.some((i) => i.key === key)) throw new AppError("NOT_FOUND", `Dataset "${name}" has no item "${key}" in its latest version.`);
    const next = items.filter((i) => i.key !== key);
    return writeVersion(tx, principal, d, latest, next, changelog?.trim() || `Removed item ${key}`, { source: "item.remove", key });
  });
}

/**
 * Writes the next version with these items put in: an item whose key is already there is replaced in
 * place, the others are appended (the golden-set export of labelling queues, issue 7). Items must be in
 * stored form (normalizeItem of a ZDatasetItemInput).
 */
export async function putDatasetItems(
  principal: Principal, name: string, put: DatasetItem[], changelog: string, audit: Record<string, unknown>,
): Promise<TSavedDatasetVersion> {
  return withLatest(principal, name, async (tx, d, latest, items) => {
    const byKey = new Map(put.map((i) => [i.key, i]));
    const next = items.map((i) => byKey.get(i.key) ?? i);
    const present = new Set(items.map((i) => i.key));
    next.push(...put.filter((i) => !present.has(i.key)));
    return writeVersion(tx, principal, d, latest, next, changelog, audit);
  });
}
