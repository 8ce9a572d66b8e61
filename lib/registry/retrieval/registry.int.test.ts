import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createKnowledgeBase, listDocuments, uploadDocument } from "./knowledge-bases";
import { createRetrievalConfigVersion, getRetrievalConfig, getRetrievalConfigVersion } from "./service";
import { contentOfVersion, diffRetrievalContent } from "./content";
import { retrievalProject } from "./test-fixtures";

// Knowledge bases, documents and retrieval config versions through the services.

const doc = { sourceId: "help/refunds", title: "Refunds", text: "You can ask for a refund within 14 days.", lastUpdatedAt: "2025-06-01" };

describe("knowledge base documents", () => {
  it("creates, replaces by source id (new hash) and ignores an identical re-upload, auditing each change", async () => {
    const { engineer, kb } = await retrievalProject();
    const first = await uploadDocument(engineer, kb.id, doc);
    expect(first).toMatchObject({ status: "created", sourceId: "help/refunds", sizeBytes: doc.text.length });
    expect((await uploadDocument(engineer, kb.id, doc)).status).toBe("unchanged");
    const second = await uploadDocument(engineer, kb.id, { ...doc, text: "Refunds within 30 days.", lastUpdatedAt: "2025-07-01T10:00:00Z" });
    expect(second).toMatchObject({ status: "replaced", id: first.id, lastUpdatedAt: "2025-07-01T10:00:00.000Z" });
    expect(second.contentHash).not.toBe(first.contentHash);
    expect(await listDocuments(engineer, kb.id)).toHaveLength(1);
    const events = await db().auditEvent.findMany({ where: { resourceId: first.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["knowledge_document.create", "knowledge_document.replace"]);
    expect(events[1].before).toMatchObject({ contentHash: first.contentHash });
    expect(events[1].after).toMatchObject({ contentHash: second.contentHash });
  });

  it("refuses other projects' knowledge bases (404), duplicates (409) and writes by viewers (403)", async () => {
    const a = await retrievalProject();
    const b = await retrievalProject();
    await expect(uploadDocument(b.engineer, a.kb.id, doc)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listDocuments(b.engineer, a.kb.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createKnowledgeBase(a.engineer, { name: "help-centre" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(uploadDocument(a.as("VIEWER"), a.kb.id, doc)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createKnowledgeBase(a.as("VIEWER"), { name: "other" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().knowledgeDocument.count({ where: { knowledgeBaseId: a.kb.id } })).toBe(0);
  });
});

describe("retrieval config versions", () => {
  it("numbers versions, saves nothing for unchanged content, and diffs versions field by field", async () => {
    const { engineer, config } = await retrievalProject();
    const v1 = await createRetrievalConfigVersion(engineer, config());
    expect(v1).toMatchObject({ name: "help", version: 1, unchanged: false });
    const again = await createRetrievalConfigVersion(engineer, config({ changelog: "same content, other words" }));
    expect(again).toMatchObject({ id: v1.id, version: 1, unchanged: true });
    const v2 = await createRetrievalConfigVersion(engineer, config({ topK: 5, rerank: "lexical", changelog: "more context, lexical rerank" }));
    expect(v2).toMatchObject({ version: 2, unchanged: false });
    const detail = await getRetrievalConfig(engineer, "help");
    expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
    const [a, b] = await Promise.all([getRetrievalConfigVersion(engineer, "help", 1), getRetrievalConfigVersion(engineer, "help", 2)]);
    expect(diffRetrievalContent(contentOfVersion(a), contentOfVersion(b))).toEqual([
      { field: "topK", before: 3, after: 5 },
      { field: "rerank", before: "none", after: "lexical" },
    ]);
    const actions = (await db().auditEvent.findMany({ where: { projectId: engineer.projectId, action: { startsWith: "retrieval_config" } }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["retrieval_config.create", "retrieval_config.version.create", "retrieval_config.version.create"]);
  });

  it("refuses a model without the embeddings capability (422 naming it), and others' models and knowledge bases (404)", async () => {
    const a = await retrievalProject();
    const b = await retrievalProject();
    await expect(createRetrievalConfigVersion(a.engineer, a.config({ embeddingModelVersionId: a.chat.id }))).rejects.toMatchObject({
      code: "VALIDATION", issues: [{ field: "embeddingModelVersionId", message: expect.stringContaining("embeddings") }],
    });
    await expect(createRetrievalConfigVersion(a.engineer, a.config({ embeddingModelVersionId: b.embedder.id }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createRetrievalConfigVersion(a.engineer, a.config({ knowledgeBaseId: b.kb.id }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createRetrievalConfigVersion(a.as("VIEWER"), a.config())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().retrievalConfig.count({ where: { projectId: a.project.id } })).toBe(0);
    await createRetrievalConfigVersion(a.engineer, a.config());
    await expect(getRetrievalConfig(b.engineer, "help")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRetrievalConfigVersion(a.as("VIEWER"), "help", 2)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("seals an external retriever's credential to the version, never returns it, and treats a new credential as a change", async () => {
    const { engineer, config } = await retrievalProject();
    const external = (value: string) => config({ knowledgeBaseId: null, externalRetriever: { url: "http://127.0.0.1:9/search", headers: { "X-Team": "support" }, authHeader: { name: "Authorization", value } } });
    const v1 = await createRetrievalConfigVersion(engineer, external("Bearer secret-token-0001"));
    expect((await createRetrievalConfigVersion(engineer, external("Bearer secret-token-0001"))).unchanged).toBe(true);
    const v2 = await createRetrievalConfigVersion(engineer, external("Bearer secret-token-0002"));
    expect(v2).toMatchObject({ version: 2, unchanged: false });
    const shown = await getRetrievalConfigVersion(engineer, "help", 1);
    expect(shown.externalRetriever).toEqual({ url: "http://127.0.0.1:9/search", headers: { "x-team": "support" }, authHeader: "authorization", authHint: "0001" });
    const row = await db().retrievalConfigVersion.findUniqueOrThrow({ where: { id: v1.id } });
    expect(row.externalAuthCiphertext).toBeTruthy();
    const stored = JSON.stringify([row, await db().auditEvent.findMany({ where: { projectId: engineer.projectId }, select: { before: true, after: true } })]);
    expect(stored).not.toContain("secret-token");
  });

  it("refuses a retriever URL the outbound guard refuses, naming the field", async () => {
    const { engineer, config } = await retrievalProject();
    await expect(createRetrievalConfigVersion(engineer, config({ knowledgeBaseId: null, externalRetriever: { url: "http://169.254.169.254/latest" } }))).rejects.toMatchObject({
      code: "VALIDATION", issues: [{ field: "externalRetriever.url" }],
    });
  });
});
