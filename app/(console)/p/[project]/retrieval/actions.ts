"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runProjectAction } from "@/lib/http/action";
import { ZCreateKnowledgeBase, ZCreateRetrievalConfigVersion, ZRetrievalConfigName, ZSearchQuery, ZUploadDocument } from "@/lib/registry/retrieval/schemas";
import { createKnowledgeBase, uploadDocument } from "@/lib/registry/retrieval/knowledge-bases";
import { createRetrievalConfigVersion } from "@/lib/registry/retrieval/service";
import { buildIndex } from "@/lib/registry/retrieval/index-build";
import { searchRetrievalConfig } from "@/lib/registry/retrieval/search-knowledge";

const revalidate = (slug: string) => revalidatePath(`/p/${slug}/retrieval`, "layout");

export async function createKnowledgeBaseAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateKnowledgeBase, input, createKnowledgeBase);
  if (result.ok) revalidate(slug);
  return result;
}

export async function uploadDocumentAction(slug: string, input: unknown) {
  const schema = ZUploadDocument.extend({ knowledgeBaseId: z.string().min(1) });
  const result = await runProjectAction(slug, schema, input, (p, { knowledgeBaseId, ...doc }) => uploadDocument(p, knowledgeBaseId, doc));
  if (result.ok) revalidate(slug);
  return result;
}

export async function saveRetrievalConfigVersionAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateRetrievalConfigVersion, input, createRetrievalConfigVersion);
  if (result.ok) revalidate(slug);
  return result;
}

export async function buildIndexAction(slug: string, input: unknown) {
  return runProjectAction(slug, z.object({ versionId: z.string().min(1) }), input, (p, { versionId }) => buildIndex(p, versionId));
}

export async function searchAction(slug: string, input: unknown) {
  const schema = ZSearchQuery.extend({ name: ZRetrievalConfigName, version: z.number().int().min(1) });
  return runProjectAction(slug, schema, input, (p, { name, version, query }) => searchRetrievalConfig(p, name, version, query));
}
