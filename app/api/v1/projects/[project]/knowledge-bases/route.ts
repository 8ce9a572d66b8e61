import { apiRoute } from "@/lib/http/api-route";
import { createKnowledgeBaseRoute, listKnowledgeBasesRoute } from "@/lib/registry/retrieval/routes";
import { createKnowledgeBase, listKnowledgeBases } from "@/lib/registry/retrieval/knowledge-bases";

export const GET = apiRoute(listKnowledgeBasesRoute, async ({ principal }) => ({ knowledgeBases: await listKnowledgeBases(principal) }));
export const POST = apiRoute(createKnowledgeBaseRoute, ({ principal, body }) => createKnowledgeBase(principal, body));
