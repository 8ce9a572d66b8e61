import { z } from "zod";
import { zName } from "../../text";
import { ZProjectSlug } from "../../projects/schemas";
import { ZPromptName } from "../prompts/schemas";

// Knowledge bases, their documents and retrieval config versions. Chunk sizes are characters.

// PostgreSQL refuses NUL and unpaired surrogates in text: refuse them with a message instead of a 500
const storable = (s: string) => s.isWellFormed() && !s.includes("\u0000");
const NOT_STORABLE = "must not contain NUL characters or broken Unicode";

export const MAX_DOCUMENT_BYTES = 1024 * 1024;
export const CHUNK_SIZE_RANGE = { min: 50, max: 8000 } as const;
export const TOP_K_MAX = 50;

const ZWhen = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, { message: "a date or date-time such as 2025-06-01 or 2025-06-01T09:30:00Z", abort: true })
  .refine((s) => !Number.isNaN(Date.parse(s)), "not a real date");

// --- knowledge bases and documents ---

export const ZCreateKnowledgeBase = z
  .object({
    name: zName(80),
    description: z.string().trim().max(2000).refine(storable, NOT_STORABLE).optional(),
  })
  .strict();
export type TCreateKnowledgeBase = z.infer<typeof ZCreateKnowledgeBase>;

export const ZUploadDocument = z
  .object({
    sourceId: z
      .string()
      .trim()
      .min(1, "give the document a source id (a URL, path or article id)")
      .max(300, "at most 300 characters")
      .refine((s) => storable(s) && !/[\u0000-\u001f\u007f]/.test(s), "must not contain control characters"),
    title: zName(300, "give the document a title"),
    text: z
      .string()
      .refine((s) => s.trim().length > 0, "the document is empty")
      .refine(storable, NOT_STORABLE)
      .refine((s) => Buffer.byteLength(s, "utf8") <= MAX_DOCUMENT_BYTES, `a document may be at most 1 MB (${MAX_DOCUMENT_BYTES} bytes of UTF-8)`),
    lastUpdatedAt: ZWhen,
  })
  .strict();
export type TUploadDocument = z.infer<typeof ZUploadDocument>;

// --- retrieval config versions ---

export const ZRerankMode = z.enum(["none", "lexical"]);

// a credential in a plain header would be stored and shown in clear text
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie)$|token|secret|password|api-?key|access-?key|session/i;
const ZHeaderName = z.string().trim().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "a valid HTTP header name");
const ZHeaderValue = z.string().max(2000).refine((v) => !/[\r\n\u0000]/.test(v), "must not contain line breaks");

export const ZExternalRetriever = z
  .object({
    url: z.string().trim().min(1, "enter the retriever's URL").max(2048),
    headers: z
      .record(ZHeaderName, ZHeaderValue)
      .optional()
      .superRefine((headers, ctx) => {
        for (const name of Object.keys(headers ?? {})) {
          if (SECRET_HEADER.test(name)) ctx.addIssue({ code: "custom", path: [name], message: `"${name}" looks like a credential; send it as authHeader, which is stored encrypted` });
        }
      }),
    authHeader: z
      .object({ name: ZHeaderName, value: ZHeaderValue.min(1, "enter the header's value") })
      .strict()
      .optional()
      .describe("A credential header (e.g. Authorization: Bearer …). Write-only: encrypted at rest, never returned."),
  })
  .strict();
export type TExternalRetriever = z.infer<typeof ZExternalRetriever>;

export const ZRetrievalConfigName = ZPromptName;

const int = (min: number, max: number, what: string) =>
  z.coerce.number({ error: `a number from ${min} to ${max}` }).int("a whole number").min(min, `${what} is at least ${min}`).max(max, `${what} is at most ${max}`);

export const ZCreateRetrievalConfigVersion = z
  .object({
    name: ZRetrievalConfigName,
    description: z.string().trim().max(2000).refine(storable, NOT_STORABLE).optional(),
    embeddingModelVersionId: z.string().min(1, "choose an embedding model").max(64),
    chunkSize: int(CHUNK_SIZE_RANGE.min, CHUNK_SIZE_RANGE.max, "chunk size").describe("In characters"),
    chunkOverlap: int(0, CHUNK_SIZE_RANGE.max - 1, "overlap").describe("In characters; less than chunkSize"),
    topK: int(1, TOP_K_MAX, "top-k"),
    minSimilarity: z.coerce.number({ error: "a number from 0 to 1" }).min(0, "at least 0").max(1, "at most 1").describe("Cosine similarity"),
    rerank: ZRerankMode.default("none").describe("lexical: BM25 over the top candidates"),
    knowledgeBaseId: z.string().min(1).max(64).nullable().optional(),
    externalRetriever: ZExternalRetriever.nullable().optional(),
    changelog: z.string().trim().min(1, "say what changed and why").max(2000).refine(storable, NOT_STORABLE),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.chunkOverlap >= v.chunkSize) {
      ctx.addIssue({ code: "custom", path: ["chunkOverlap"], message: `overlap must be less than the chunk size (${v.chunkSize})` });
    }
    if (Boolean(v.knowledgeBaseId) === Boolean(v.externalRetriever)) {
      ctx.addIssue({ code: "custom", path: ["knowledgeBaseId"], message: "choose either a knowledge base or an external retriever" });
    }
  });
export type TCreateRetrievalConfigVersion = z.output<typeof ZCreateRetrievalConfigVersion>;
export type TCreateRetrievalConfigVersionInput = z.input<typeof ZCreateRetrievalConfigVersion>;

export const ZSearchQuery = z.object({ query: z.string().trim().min(1, "type a question").max(2000).refine(storable, NOT_STORABLE) }).strict();

// --- params ---

export const ZProjectParam = z.object({ project: ZProjectSlug });
export const ZKnowledgeBaseParam = ZProjectParam.extend({ id: z.string().min(1).max(64) });
export const ZRetrievalConfigParam = ZProjectParam.extend({ name: ZRetrievalConfigName });
export const ZRetrievalConfigVersionParam = ZRetrievalConfigParam.extend({ version: z.coerce.number().int().min(1) });

// --- responses ---

export const ZKnowledgeBase = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  documentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TKnowledgeBase = z.infer<typeof ZKnowledgeBase>;

export const ZKnowledgeDocument = z.object({
  id: z.string(),
  sourceId: z.string(),
  title: z.string(),
  sizeBytes: z.number().int(),
  contentHash: z.string(),
  lastUpdatedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TKnowledgeDocument = z.infer<typeof ZKnowledgeDocument>;

export const ZUploadedDocument = ZKnowledgeDocument.extend({
  status: z.enum(["created", "replaced", "unchanged"]).describe("replaced: the source id existed and its content changed"),
});
export type TUploadedDocument = z.infer<typeof ZUploadedDocument>;

export const ZRetrievalConfigVersion = z.object({
  id: z.string(),
  retrievalConfigId: z.string(),
  name: z.string(),
  version: z.number().int(),
  embeddingModelVersionId: z.string(),
  chunkSize: z.number().int(),
  chunkOverlap: z.number().int(),
  topK: z.number().int(),
  minSimilarity: z.number(),
  rerank: ZRerankMode,
  knowledgeBaseId: z.string().nullable(),
  externalRetriever: z
    .object({ url: z.string(), headers: z.record(z.string(), z.string()), authHeader: z.string().nullable().describe("Its name; the value is never returned"), authHint: z.string().nullable() })
    .nullable(),
  changelog: z.string(),
  contentHash: z.string(),
  author: z.string(),
  createdAt: z.string(),
});
export type TRetrievalConfigVersion = z.infer<typeof ZRetrievalConfigVersion>;

export const ZRetrievalConfigSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  latestVersion: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TRetrievalConfigSummary = z.infer<typeof ZRetrievalConfigSummary>;

export const ZRetrievalConfigDetail = ZRetrievalConfigSummary.extend({
  versions: z.array(ZRetrievalConfigVersion).describe("Newest first"),
});
export type TRetrievalConfigDetail = z.infer<typeof ZRetrievalConfigDetail>;

export const ZSavedRetrievalConfigVersion = z.object({
  id: z.string(),
  retrievalConfigId: z.string(),
  name: z.string(),
  version: z.number().int(),
  contentHash: z.string(),
  unchanged: z.boolean().describe("true: the content equals the latest version, so no version was created (HTTP 200, not 201)"),
});
export type TSavedRetrievalConfigVersion = z.infer<typeof ZSavedRetrievalConfigVersion>;

export const INDEX_BUILD_STATUSES = ["queued", "running", "done", "failed"] as const;

export const ZIndexBuild = z.object({
  buildId: z.string(),
  retrievalConfigVersionId: z.string(),
  generation: z.number().int().describe("Increases with every rebuild"),
  status: z.enum(INDEX_BUILD_STATUSES),
  totalDocuments: z.number().int(),
  totalChunks: z.number().int(),
  doneChunks: z.number().int(),
  error: z.string().nullable(),
  queuedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TIndexBuild = z.infer<typeof ZIndexBuild>;

export const ZRetrievedChunk = z.object({
  text: z.string(),
  documentSourceId: z.string().nullable(),
  title: z.string().nullable(),
  lastUpdatedAt: z.string().nullable(),
  score: z.number().nullable().describe("Cosine similarity to the query (external retrievers: their own score, if any)"),
  lexicalScore: z.number().optional().describe("BM25 score when the config reranks lexically"),
});
export type TRetrievedChunk = z.infer<typeof ZRetrievedChunk>;

export const ZSearchResult = z.object({
  source: z.enum(["knowledge_base", "external"]),
  chunks: z.array(ZRetrievedChunk),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;
