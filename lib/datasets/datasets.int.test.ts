import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeProject } from "../../scripts/test/fixtures";
import { addDatasetItem, importDatasetItems, removeDatasetItem, updateDatasetItem } from "./change-items";
import { createDataset, exportDatasetVersion, getDataset, listDatasetItems, listDatasets } from "./service";
import type { TImportDatasetInput } from "./schemas";
import { ZImportDataset } from "./schemas";

const jsonl = (...items: object[]) => items.map((i) => JSON.stringify(i)).join("\n");
const en = { key: "refund", inputs: { question: "How long does a refund take?" }, reference: "Five working days.", language: "en" };
const ar = { key: "refund-ar", inputs: { question: "كم يستغرق استرداد المبلغ؟" }, reference: "خمسة أيام عمل.", language: "ar", tags: ["billing"] };
const imp = (over: Partial<TImportDatasetInput>) => ZImportDataset.parse({ format: "jsonl", text: "", mode: "append", ...over });

async function setup() {
  const p = await makeProject(["ENGINEER", "VIEWER"]);
  const engineer = p.as("ENGINEER");
  await createDataset(engineer, { name: "golden", description: "Support questions", tags: ["support"] });
  return { ...p, engineer };
}

describe("datasets", () => {
  it("makes a new immutable version on every change, and none when nothing changed", async () => {
    const { engineer, project } = await setup();
    const v1 = await importDatasetItems(engineer, "golden", imp({ text: jsonl(en, ar) }));
    expect(v1).toMatchObject({ version: 1, itemCount: 2, imported: 2, skipped: [], unchanged: false });

    const same = await importDatasetItems(engineer, "golden", imp({ text: jsonl(en, ar), mode: "replace" }));
    expect(same).toMatchObject({ version: 1, unchanged: true, contentHash: v1.contentHash });

    const v2 = await addDatasetItem(engineer, "golden", { inputs: { question: "Where is my order?" }, language: "en", relevantDocIds: [], tags: [], split: "dev" });
    expect(v2).toMatchObject({ version: 2, itemCount: 3, key: expect.stringMatching(/^item-/) });
    const v3 = await updateDatasetItem(engineer, "golden", "refund", { ...en, reference: "Five to seven working days.", relevantDocIds: [], tags: [], split: "test" });
    expect(v3).toMatchObject({ version: 3, itemCount: 3 });
    const v4 = await removeDatasetItem(engineer, "golden", "refund-ar");
    expect(v4).toMatchObject({ version: 4, itemCount: 2 });

    const detail = await getDataset(engineer, "golden");
    expect(detail.versions.map((v) => [v.version, v.itemCount])).toEqual([[4, 2], [3, 3], [2, 3], [1, 2]]);
    expect(detail.versions[3].changelog).toBe("Imported 2 items from JSONL (append)");
    // version 1 still holds exactly what was imported
    const page = await listDatasetItems(engineer, "golden", 1, { limit: 50 });
    expect(page.items.map((i) => [i.key, i.reference, i.language])).toEqual([["refund", "Five working days.", "en"], ["refund-ar", "خمسة أيام عمل.", "ar"]]);
    expect((await listDatasets(engineer))[0]).toMatchObject({ name: "golden", latestVersion: 4, itemCount: 2 });
    const actions = await db().auditEvent.findMany({ where: { projectId: project.id, resourceType: { in: ["dataset", "datasetVersion"] } }, orderBy: { seq: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["dataset.create", ...Array(4).fill("dataset.version.create")]);
  });

  it("refuses a file with an invalid line with the full report and writes nothing", async () => {
    const { engineer, project } = await setup();
    const text = [JSON.stringify(en), '{"inputs": {"question": "broken"', JSON.stringify({ ...ar, language: "arabic!" })].join("\n");
    const err = await importDatasetItems(engineer, "golden", imp({ text })).catch((e) => e);
    expect(err).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("2 invalid lines, nothing imported") });
    expect(err.issues).toEqual([
      { field: "line 2", message: expect.stringMatching(/^not valid JSON/) },
      { field: "line 3: language", message: "a language code such as en, ar or pt-BR" },
    ]);
    expect(await db().datasetVersion.count({ where: { projectId: project.id } })).toBe(0);
    expect(await db().datasetItem.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("imports the valid lines and reports the skipped ones with skipInvalid", async () => {
    const { engineer } = await setup();
    await importDatasetItems(engineer, "golden", imp({ text: jsonl(en) }));
    const csv = "key,input.question,reference,language,split\nrefund,dup,x,en,\nnew-1,Hi,Hello,en,\nnew-2,مرحبا,أهلا,ar,dev\nbad,?,?,??,\n";
    const r = await importDatasetItems(engineer, "golden", imp({ format: "csv", text: csv, skipInvalid: true }));
    expect(r).toMatchObject({ version: 2, itemCount: 3, imported: 2 });
    expect(r.skipped).toEqual([
      { line: 2, field: "key", message: expect.stringContaining('key "refund" is already in the dataset') },
      { line: 5, field: "language", message: expect.any(String) },
    ]);
    const page = await listDatasetItems(engineer, "golden", 2, { limit: 2 });
    expect(page.items.map((i) => i.key)).toEqual(["refund", "new-1"]);
    const next = await listDatasetItems(engineer, "golden", 2, { limit: 2, cursor: page.nextCursor! });
    expect(next).toMatchObject({ items: [{ key: "new-2", language: "ar", split: "dev" }], nextCursor: null });
  });

  it("exports JSONL and CSV that import back to the same content hash", async () => {
    const { engineer } = await setup();
    const ctx = { ...ar, key: "ctx", contextChunks: [{ text: "Refunds, \"fast\".", docId: "kb/1", lastUpdated: "2025-06-01" }], relevantDocIds: ["kb/1"] };
    const v1 = await importDatasetItems(engineer, "golden", imp({ text: jsonl(en, ar, ctx, { inputs: { question: "no key" }, language: "en" }) }));
    await createDataset(engineer, { name: "copy" });
    for (const format of ["jsonl", "csv"] as const) {
      const file = await exportDatasetVersion(engineer, "golden", 1, format);
      const back = await importDatasetItems(engineer, "copy", imp({ format, text: file.text, mode: "replace" }));
      expect(back.contentHash).toBe(v1.contentHash);
    }
    expect((await getDataset(engineer, "copy")).versions).toHaveLength(1);
  });

  it("is scoped to its project and refuses writers without evals:write", async () => {
    const a = await setup();
    const b = await makeProject(["ENGINEER"]);
    await importDatasetItems(a.engineer, "golden", imp({ text: jsonl(en) }));
    await expect(getDataset(b.as("ENGINEER"), "golden")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listDatasetItems(b.as("ENGINEER"), "golden", 1, { limit: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(importDatasetItems(b.as("ENGINEER"), "golden", imp({ text: jsonl(ar) }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(importDatasetItems(a.as("VIEWER"), "golden", imp({ text: jsonl(ar) }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createDataset(a.engineer, { name: "golden" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getDataset(a.as("VIEWER"), "golden")).latestVersion).toBe(1);
  });

  it("refuses files over 5 MB and versions over 50,000 items", async () => {
    const { engineer } = await setup();
    await expect(importDatasetItems(engineer, "golden", imp({ text: "x".repeat(5 * 1024 * 1024 + 1) }))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const many = Array.from({ length: 50_001 }, (_, i) => `{"key":"k${i}","inputs":{"q":"${i}"},"language":"en"}`).join("\n");
    await expect(importDatasetItems(engineer, "golden", imp({ text: many }))).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("at most 50,000 items") });
  });
});
