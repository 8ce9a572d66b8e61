import { makeProject } from "../../../scripts/test/fixtures";
import { createConnection } from "../connections/service";
import { createModelVersion } from "../models/service";
import { createKnowledgeBase } from "./knowledge-bases";
import type { TCreateRetrievalConfigVersion } from "./schemas";

// For integration tests: a project with an offline connection, its embedding and chat models, and an
// empty knowledge base; config() fills a valid retrieval config version over it.

export async function retrievalProject(roles: ("ADMIN" | "ENGINEER" | "VIEWER")[] = ["ENGINEER", "VIEWER", "ADMIN"]) {
  const p = await makeProject(roles);
  const engineer = p.as("ENGINEER");
  const conn = await createConnection(engineer, { name: "offline", kind: "offline" });
  const model = (providerModelId: string, capabilities: ("chat" | "embeddings")[]) =>
    createModelVersion(engineer, {
      connectionId: conn.id, providerModelId, displayName: providerModelId, inputPricePerMTok: 0, outputPricePerMTok: 0, cachedPricePerMTok: null,
      priceAsOf: "2025-06-01", contextWindow: 8192, maxOutputTokens: 0, capabilities, region: null, deprecatesAt: null, floating: false,
    });
  const embedder = await model("offline-embed-256", ["embeddings"]);
  const chat = await model("offline-extractive-1", ["chat"]);
  const kb = await createKnowledgeBase(engineer, { name: "help-centre", description: "Acme help articles" });
  const config = (over: Partial<TCreateRetrievalConfigVersion> = {}): TCreateRetrievalConfigVersion => ({
    name: "help", embeddingModelVersionId: embedder.id, chunkSize: 300, chunkOverlap: 50, topK: 3, minSimilarity: 0.05, rerank: "none",
    knowledgeBaseId: kb.id, changelog: "first", ...over,
  });
  return { ...p, engineer, conn, embedder, chat, kb, config };
}
