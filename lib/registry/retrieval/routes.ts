import { z } from "zod";
import { defineContract } from "../../http/contract";
import { MAX_DOCUMENT_BYTES } from "./schemas";
import {
  ZCreateKnowledgeBase, ZCreateRetrievalConfigVersion, ZIndexBuild, ZKnowledgeBase, ZKnowledgeBaseParam, ZKnowledgeDocument, ZProjectParam,
  ZRetrievalConfigDetail, ZRetrievalConfigParam, ZRetrievalConfigSummary, ZRetrievalConfigVersion, ZRetrievalConfigVersionParam,
  ZSavedRetrievalConfigVersion, ZSearchQuery, ZSearchResult, ZUploadDocument, ZUploadedDocument,
} from "./schemas";

const configs = "Retrieval configs";
const kbs = "Knowledge bases";
const base = "/api/v1/projects/{project}";

export const createRetrievalConfigVersionRoute = defineContract({
  method: "POST", path: `${base}/retrieval-configs`, tag: configs,
  summary:
    "Save the next version of a retrieval config (creating it on its first save). 201 with the new version; 200 with unchanged: true " +
    "when the content equals the latest version. Chunk size and overlap are characters; overlap must be less than the chunk size. " +
    "Give knowledgeBaseId or externalRetriever (its authHeader is write-only, encrypted at rest).",
  permission: "registry:write", params: ZProjectParam, body: ZCreateRetrievalConfigVersion, response: ZSavedRetrievalConfigVersion, status: 201,
});

export const listRetrievalConfigsRoute = defineContract({
  method: "GET", path: `${base}/retrieval-configs`, tag: configs, summary: "List retrieval configs, most recently changed first",
  permission: "registry:read", params: ZProjectParam, response: z.object({ retrievalConfigs: z.array(ZRetrievalConfigSummary) }),
});

export const getRetrievalConfigRoute = defineContract({
  method: "GET", path: `${base}/retrieval-configs/{name}`, tag: configs, summary: "A retrieval config with its versions, newest first",
  permission: "registry:read", params: ZRetrievalConfigParam, response: ZRetrievalConfigDetail,
});

export const getRetrievalConfigVersionRoute = defineContract({
  method: "GET", path: `${base}/retrieval-configs/{name}/versions/{version}`, tag: configs, summary: "One version of a retrieval config",
  permission: "registry:read", params: ZRetrievalConfigVersionParam, response: ZRetrievalConfigVersion,
});

export const buildIndexRoute = defineContract({
  method: "POST", path: `${base}/retrieval-configs/{name}/versions/{version}/index`, tag: configs,
  summary: "Queue the chunking and embedding of the version's knowledge base (job retrieval.index). 202 with the build; a build under way is returned as is",
  permission: "registry:write", params: ZRetrievalConfigVersionParam, response: ZIndexBuild, status: 202,
});

export const getIndexBuildRoute = defineContract({
  method: "GET", path: `${base}/retrieval-configs/{name}/versions/{version}/index`, tag: configs,
  summary: "Progress of the version's index build: status, done/total chunks, error",
  permission: "registry:read", params: ZRetrievalConfigVersionParam, response: ZIndexBuild,
});

export const searchRetrievalConfigRoute = defineContract({
  method: "POST", path: `${base}/retrieval-configs/{name}/versions/{version}/search`, tag: configs,
  summary: "The top-k chunks for a query under this version (exact cosine, optional lexical rerank, or the external retriever). 409 when the index is not built",
  permission: "registry:read", params: ZRetrievalConfigVersionParam, body: ZSearchQuery, response: ZSearchResult,
});

export const createKnowledgeBaseRoute = defineContract({
  method: "POST", path: `${base}/knowledge-bases`, tag: kbs, summary: "Create a knowledge base (name unique in the project)",
  permission: "registry:write", params: ZProjectParam, body: ZCreateKnowledgeBase, response: ZKnowledgeBase, status: 201,
});

export const listKnowledgeBasesRoute = defineContract({
  method: "GET", path: `${base}/knowledge-bases`, tag: kbs, summary: "List knowledge bases with their document counts",
  permission: "registry:read", params: ZProjectParam, response: z.object({ knowledgeBases: z.array(ZKnowledgeBase) }),
});

export const uploadDocumentRoute = defineContract({
  method: "POST", path: `${base}/knowledge-bases/{id}/documents`, tag: kbs,
  summary:
    "Upload a text or markdown document (at most 1 MB of UTF-8). The same sourceId replaces the stored document: 201 when created, " +
    "200 when replaced or unchanged. Indexes are rebuilt per retrieval config version, not on upload",
  permission: "registry:write", params: ZKnowledgeBaseParam, body: ZUploadDocument, response: ZUploadedDocument, status: 201,
  // the document's 1 MB plus JSON escaping and the other fields
  maxBodyBytes: MAX_DOCUMENT_BYTES * 2,
});

export const listDocumentsRoute = defineContract({
  method: "GET", path: `${base}/knowledge-bases/{id}/documents`, tag: kbs, summary: "The knowledge base's documents (without their text)",
  permission: "registry:read", params: ZKnowledgeBaseParam, response: z.object({ documents: z.array(ZKnowledgeDocument) }),
});

export const RETRIEVAL_ROUTES = [
  createRetrievalConfigVersionRoute, listRetrievalConfigsRoute, getRetrievalConfigRoute, getRetrievalConfigVersionRoute,
  buildIndexRoute, getIndexBuildRoute, searchRetrievalConfigRoute,
  createKnowledgeBaseRoute, listKnowledgeBasesRoute, uploadDocumentRoute, listDocumentsRoute,
];
