import { describe, expect, it } from "vitest";
import { AppError, parseOrThrow } from "../../errors";
import { contentOfInput, diffRetrievalContent, retrievalContentHash } from "./content";
import { ZCreateRetrievalConfigVersion, ZUploadDocument } from "./schemas";

const valid = {
  name: "help-centre-default", embeddingModelVersionId: "mv1", chunkSize: 800, chunkOverlap: 100, topK: 4, minSimilarity: 0.2,
  knowledgeBaseId: "kb1", changelog: "First version",
};

function issues(schema: Parameters<typeof parseOrThrow>[0], input: unknown) {
  try {
    parseOrThrow(schema, input, "Body");
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    return (err as AppError).issues!;
  }
  throw new Error("expected a validation error");
}

describe("retrieval config version schema", () => {
  it("accepts a valid version and defaults rerank to none", () => {
    expect(ZCreateRetrievalConfigVersion.parse(valid)).toMatchObject({ rerank: "none", chunkSize: 800 });
  });

  it("refuses an overlap at or above the chunk size with a 422 naming chunkOverlap", () => {
    const found = issues(ZCreateRetrievalConfigVersion, { ...valid, chunkSize: 200, chunkOverlap: 200 });
    expect(found).toEqual([{ field: "chunkOverlap", message: "overlap must be less than the chunk size (200)" }]);
    expect(issues(ZCreateRetrievalConfigVersion, { ...valid, chunkSize: 200, chunkOverlap: 500 }).map((i) => i.field)).toEqual(["chunkOverlap"]);
  });

  it("names each out-of-range field", () => {
    const found = issues(ZCreateRetrievalConfigVersion, { ...valid, chunkSize: 49, topK: 51, minSimilarity: 1.5, chunkOverlap: -1, rerank: "semantic", changelog: " " });
    expect(found.map((i) => i.field).sort()).toEqual(["changelog", "chunkOverlap", "chunkSize", "minSimilarity", "rerank", "topK"]);
    expect(issues(ZCreateRetrievalConfigVersion, { ...valid, chunkSize: 8001 }).map((i) => i.field)).toEqual(["chunkSize"]);
  });

  it("wants exactly one of a knowledge base and an external retriever", () => {
    expect(issues(ZCreateRetrievalConfigVersion, { ...valid, knowledgeBaseId: undefined }).map((i) => i.field)).toEqual(["knowledgeBaseId"]);
    expect(issues(ZCreateRetrievalConfigVersion, { ...valid, externalRetriever: { url: "https://r.example.com" } }).map((i) => i.field)).toEqual(["knowledgeBaseId"]);
    expect(ZCreateRetrievalConfigVersion.parse({ ...valid, knowledgeBaseId: null, externalRetriever: { url: "https://r.example.com" } }).externalRetriever?.url).toBe("https://r.example.com");
  });

  it("refuses credentials in plain headers and points to authHeader", () => {
    const found = issues(ZCreateRetrievalConfigVersion, {
      ...valid, knowledgeBaseId: null, externalRetriever: { url: "https://r.example.com", headers: { Authorization: "Bearer x", "X-Api-Key": "k", "X-Team": "support" } },
    });
    expect(found.map((i) => i.field).sort()).toEqual(["externalRetriever.headers.Authorization", "externalRetriever.headers.X-Api-Key"]);
    expect(found[0].message).toContain("authHeader");
  });
});

describe("document upload schema", () => {
  const doc = { sourceId: "kb/refunds", title: "Refunds", text: "You can ask for a refund.", lastUpdatedAt: "2025-06-01" };

  it("accepts dates and date-times, refuses nonsense", () => {
    expect(ZUploadDocument.parse(doc).lastUpdatedAt).toBe("2025-06-01");
    expect(ZUploadDocument.parse({ ...doc, lastUpdatedAt: "2025-06-01T09:30:00Z" }).lastUpdatedAt).toBe("2025-06-01T09:30:00Z");
    expect(issues(ZUploadDocument, { ...doc, lastUpdatedAt: "yesterday" }).map((i) => i.field)).toEqual(["lastUpdatedAt"]);
  });

  it("refuses a document over 1 MB (counted in UTF-8 bytes) and an empty one, naming text", () => {
    // 600k Arabic letters are 1.2 MB of UTF-8
    const big = issues(ZUploadDocument, { ...doc, text: "ب".repeat(600_000) });
    expect(big).toEqual([{ field: "text", message: expect.stringContaining("at most 1 MB") }]);
    expect(issues(ZUploadDocument, { ...doc, text: "  \n" }).map((i) => i.field)).toEqual(["text"]);
    expect(issues(ZUploadDocument, { ...doc, text: "a\u0000b" }).map((i) => i.field)).toEqual(["text"]);
  });
});

describe("retrieval content hash and diff", () => {
  const a = contentOfInput(ZCreateRetrievalConfigVersion.parse(valid), null);

  it("hashes content only, not the changelog", () => {
    const b = contentOfInput(ZCreateRetrievalConfigVersion.parse({ ...valid, changelog: "other words" }), null);
    expect(retrievalContentHash(b)).toBe(retrievalContentHash(a));
    expect(retrievalContentHash({ ...a, topK: 5 })).not.toBe(retrievalContentHash(a));
  });

  it("lists each changed field with before and after", () => {
    expect(diffRetrievalContent(a, { ...a, topK: 8, rerank: "lexical" })).toEqual([
      { field: "topK", before: 4, after: 8 },
      { field: "rerank", before: "none", after: "lexical" },
    ]);
    expect(diffRetrievalContent(a, a)).toEqual([]);
  });
});
