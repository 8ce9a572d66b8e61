import type { Principal } from "../../authz/principal";
import { listModelVersions } from "../models/service";
import { listKnowledgeBases } from "./knowledge-bases";

/** What the retrieval pages name ids with: embedding-capable models and knowledge bases. */
export async function listRetrievalChoices(principal: Principal) {
  const [models, kbs] = await Promise.all([listModelVersions(principal), listKnowledgeBases(principal)]);
  const embedding = models.filter((m) => m.capabilities.includes("embeddings")).map((m) => ({ id: m.id, name: `${m.displayName} (${m.connectionName})` }));
  const knowledgeBases = kbs.map((k) => ({ id: k.id, name: k.name }));
  const modelName = (id: string) => models.find((m) => m.id === id)?.displayName ?? id;
  const kbName = (id: string) => kbs.find((k) => k.id === id)?.name ?? id;
  return { embedding, knowledgeBases, modelName, kbName };
}
