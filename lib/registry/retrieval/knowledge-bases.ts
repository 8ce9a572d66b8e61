import { db } from "../../db";
import { AppError } from "../../errors";
import { appendAuditEvent } from "../../audit/repo";
import { contentHash } from "../../audit/chain";
import { assertCan, auditActor, type Principal } from "../../authz/principal";
import { presentDocument, presentKnowledgeBase } from "./present";
import {
  findDocumentBySource, findDocuments, findKnowledgeBase, findKnowledgeBaseByName, findKnowledgeBases, insertDocument, insertKnowledgeBase,
  touchKnowledgeBase, updateDocument,
} from "./repo";
import type { TCreateKnowledgeBase, TKnowledgeBase, TKnowledgeDocument, TUploadDocument, TUploadedDocument } from "./schemas";

// The built-in knowledge base: named collections of uploaded text/markdown documents. Documents are
// indexed per retrieval config version (index-build.ts), so uploading changes no index by itself.

export function documentContentHash(doc: { title: string; text: string }): string {
  return contentHash({ title: doc.title, text: doc.text });
}

export async function listKnowledgeBases(principal: Principal): Promise<TKnowledgeBase[]> {
  assertCan(principal, "registry:read");
  return (await findKnowledgeBases(principal.projectId)).map(presentKnowledgeBase);
}

export async function getKnowledgeBase(principal: Principal, id: string): Promise<TKnowledgeBase> {
  assertCan(principal, "registry:read");
  const kb = await findKnowledgeBase(db(), principal.projectId, id);
  if (!kb) throw new AppError("NOT_FOUND", "No knowledge base with this id in this project.");
  return presentKnowledgeBase(kb);
}

export async function createKnowledgeBase(principal: Principal, input: TCreateKnowledgeBase): Promise<TKnowledgeBase> {
  assertCan(principal, "registry:write");
  const kb = await db().$transaction(async (tx) => {
    if (await findKnowledgeBaseByName(tx, principal.projectId, input.name)) throw new AppError("CONFLICT", `A knowledge base named "${input.name}" exists.`);
    const created = await insertKnowledgeBase(tx, { projectId: principal.projectId, name: input.name, description: input.description || null });
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: "knowledge_base.create", resourceType: "knowledgeBase", resourceId: created.id,
      after: { name: created.name, description: created.description },
    });
    return created;
  });
  return presentKnowledgeBase(kb);
}

export async function listDocuments(principal: Principal, knowledgeBaseId: string): Promise<TKnowledgeDocument[]> {
  await getKnowledgeBase(principal, knowledgeBaseId);
  return (await findDocuments(principal.projectId, knowledgeBaseId)).map(presentDocument);
}

/** Adds a document, or replaces the one with the same source id (a new content hash). */
export async function uploadDocument(principal: Principal, knowledgeBaseId: string, input: TUploadDocument): Promise<TUploadedDocument> {
  assertCan(principal, "registry:write");
  const contentHash = documentContentHash(input);
  const lastUpdatedAt = new Date(input.lastUpdatedAt);
  const fields = { title: input.title, text: input.text, sizeBytes: Buffer.byteLength(input.text, "utf8"), contentHash, lastUpdatedAt };
  return db().$transaction(async (tx) => {
    const kb = await findKnowledgeBase(tx, principal.projectId, knowledgeBaseId);
    if (!kb) throw new AppError("NOT_FOUND", "No knowledge base with this id in this project.");
    const before = await findDocumentBySource(tx, kb.id, input.sourceId);
    if (before && before.contentHash === contentHash && before.lastUpdatedAt.getTime() === lastUpdatedAt.getTime()) {
      return { ...presentDocument(before), status: "unchanged" as const };
    }
    const doc = before
      ? await updateDocument(tx, before.id, fields)
      : await insertDocument(tx, { ...fields, projectId: principal.projectId, knowledgeBaseId: kb.id, sourceId: input.sourceId });
    await touchKnowledgeBase(tx, kb.id);
    const view = (d: typeof doc) => ({ knowledgeBase: kb.name, sourceId: d.sourceId, title: d.title, sizeBytes: d.sizeBytes, contentHash: d.contentHash, lastUpdatedAt: d.lastUpdatedAt.toISOString() });
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: before ? "knowledge_document.replace" : "knowledge_document.create", resourceType: "knowledgeDocument", resourceId: doc.id,
      before: before ? view(before) : null, after: view(doc),
    });
    return { ...presentDocument(doc), status: before ? ("replaced" as const) : ("created" as const) };
  });
}
