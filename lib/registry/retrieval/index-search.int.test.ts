import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db";
import { queue } from "../../queue/queue";
import { processRetrievalIndex } from "../../../workers/retrieval-index";
import { uploadDocument } from "./knowledge-bases";
import { buildIndex, getIndexBuild } from "./index-build";
import { searchKnowledge, searchRetrievalConfig } from "./search-knowledge";
import { createRetrievalConfigVersion } from "./service";
import { retrievalProject } from "./test-fixtures";

// Indexing through the worker's processor (a Job-shaped object, as BullMQ hands it over) and search.

const ARTICLES = [
  { sourceId: "help/refunds", title: "Refunds", text: "You can ask for a refund within 14 days of purchase. The money goes back to the card you paid with within five working days." },
  { sourceId: "help/roaming", title: "Roaming", text: "Roaming is included in the Gold plan in 40 countries. On other plans roaming data is charged per megabyte." },
  { sourceId: "help/router", title: "Reset your router", text: "To reset your home router, hold the reset button on the back for ten seconds until the light blinks." },
  { sourceId: "help/refunds-ar", title: "استرداد المبلغ", text: "يمكنك طلب استرداد المبلغ خلال ١٤ يوماً من الشراء. يعود المبلغ إلى بطاقتك خلال خمسة أيام عمل." },
];

async function setup() {
  const p = await retrievalProject();
  for (const a of ARTICLES) await uploadDocument(p.engineer, p.kb.id, { ...a, lastUpdatedAt: "2025-06-01" });
  const v = await createRetrievalConfigVersion(p.engineer, p.config({ chunkSize: 80, chunkOverlap: 20 }));
  return { ...p, versionId: v.id };
}

const jobFor = async (buildId: string, generation: number, attemptsMade = 0) => ({
  id: `retrieval-index-${buildId}-${generation}`, data: { projectId: (await db().indexBuild.findUniqueOrThrow({ where: { id: buildId } })).projectId, buildId, generation },
  attemptsMade, opts: { attempts: 5 },
});

const chunkRows = (versionId: string) =>
  db().knowledgeChunk.findMany({ where: { retrievalConfigVersionId: versionId }, orderBy: [{ documentId: "asc" }, { ordinal: "asc" }], select: { id: true, documentId: true, ordinal: true, text: true, documentHash: true } });

describe("retrieval.index job", () => {
  it("queues the job, builds every chunk with progress, and changes nothing when run again", async () => {
    const { engineer, versionId } = await setup();
    const queued = await buildIndex(engineer, versionId);
    expect(queued).toMatchObject({ status: "queued", generation: 1, doneChunks: 0 });
    const enqueued = await queue().getJob(`retrieval-index-${queued.buildId}-1`);
    expect(enqueued?.name).toBe("retrieval.index");
    // asking again while queued returns the same build
    expect((await buildIndex(engineer, versionId)).generation).toBe(1);

    const job = await jobFor(queued.buildId, 1);
    expect(await processRetrievalIndex(job)).toEqual({ ran: true });
    const done = await getIndexBuild(engineer, versionId);
    expect(done).toMatchObject({ status: "done", totalDocuments: 4, error: null });
    expect(done.totalChunks).toBeGreaterThan(4);
    expect(done.doneChunks).toBe(done.totalChunks);
    expect(done.startedAt && done.finishedAt).toBeTruthy();
    const first = await chunkRows(versionId);
    expect(first).toHaveLength(done.totalChunks);
    for (const c of first) expect(c.text.length).toBeLessThanOrEqual(80);

    // redelivered: the finished build is not claimed again
    expect(await processRetrievalIndex(job)).toEqual({ ran: false });
    expect(await chunkRows(versionId)).toEqual(first);

    // a crash mid-build: the build is still running and one document lost its chunks
    await db().indexBuild.update({ where: { id: queued.buildId }, data: { status: "running", doneChunks: 1 } });
    await db().knowledgeChunk.deleteMany({ where: { retrievalConfigVersionId: versionId, documentId: first[0].documentId } });
    expect(await processRetrievalIndex(job)).toEqual({ ran: true });
    const resumed = await chunkRows(versionId);
    expect(resumed.map(({ documentId, ordinal, text }) => ({ documentId, ordinal, text }))).toEqual(first.map(({ documentId, ordinal, text }) => ({ documentId, ordinal, text })));
    // documents that were still current kept their rows
    expect(resumed.filter((c) => c.documentId !== first[0].documentId).map((c) => c.id)).toEqual(first.filter((c) => c.documentId !== first[0].documentId).map((c) => c.id));
    expect(await getIndexBuild(engineer, versionId)).toMatchObject({ status: "done", doneChunks: done.totalChunks });
  });

  it("rebuilds only replaced documents in a new generation; a stale job of the old generation changes nothing", async () => {
    const { engineer, kb, versionId } = await setup();
    const g1 = await buildIndex(engineer, versionId);
    await processRetrievalIndex(await jobFor(g1.buildId, 1));
    const before = await chunkRows(versionId);
    const replaced = await uploadDocument(engineer, kb.id, { ...ARTICLES[1], text: "Roaming is now included in every plan in 60 countries.", lastUpdatedAt: "2025-08-01" });
    const g2 = await buildIndex(engineer, versionId);
    expect(g2).toMatchObject({ buildId: g1.buildId, generation: 2, status: "queued" });
    expect(await processRetrievalIndex(await jobFor(g1.buildId, 1))).toEqual({ ran: false });
    expect(await processRetrievalIndex(await jobFor(g2.buildId, 2))).toEqual({ ran: true });
    const after = await chunkRows(versionId);
    const roaming = after.filter((c) => c.documentId === replaced.id);
    expect(roaming.every((c) => c.documentHash === replaced.contentHash)).toBe(true);
    expect(roaming.map((c) => c.text).join(" ")).toContain("60 countries");
    const untouched = (rows: typeof after) => rows.filter((c) => c.documentId !== replaced.id).map((c) => c.id);
    expect(untouched(after)).toEqual(untouched(before));
  });

  it("marks the build failed with the reason when indexing cannot succeed", async () => {
    const { engineer, versionId, embedder } = await setup();
    const build = await buildIndex(engineer, versionId);
    // the embedding model now names a model the offline provider does not serve: a bad request, not worth retrying
    await db().modelVersion.update({ where: { id: embedder.id }, data: { providerModelId: "offline-embed-999" } });
    expect(await processRetrievalIndex(await jobFor(build.buildId, 1))).toEqual({ ran: true });
    const failed = await getIndexBuild(engineer, versionId);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/embedding/i);
    expect(failed.finishedAt).toBeTruthy();
  });
});

describe("searchKnowledge", () => {
  it("refuses to search before the index is built, then returns the relevant chunk for English and Arabic questions", async () => {
    const { engineer, versionId } = await setup();
    await expect(searchKnowledge(engineer.projectId, versionId, "refund")).rejects.toMatchObject({ code: "CONFLICT" });
    const build = await buildIndex(engineer, versionId);
    await processRetrievalIndex(await jobFor(build.buildId, 1));

    const en = await searchRetrievalConfig(engineer, "help", 1, "How do I get a refund for my purchase?");
    expect(en.source).toBe("knowledge_base");
    expect(en.chunks[0]).toMatchObject({ documentSourceId: "help/refunds", title: "Refunds", lastUpdatedAt: "2025-06-01T00:00:00.000Z" });
    expect(en.chunks.length).toBeLessThanOrEqual(3);
    expect(en.chunks.map((c) => c.score!)).toEqual([...en.chunks.map((c) => c.score!)].sort((a, b) => b - a));

    const ar = await searchKnowledge(engineer.projectId, versionId, "كيف أطلب استرداد المبلغ؟");
    expect(ar.chunks[0].documentSourceId).toBe("help/refunds-ar");
    await expect(searchRetrievalConfig(engineer, "help", 9, "refund")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("external retriever", () => {
  let server: http.Server;
  let url = "";
  const seen: { auth?: string; team?: string; body: unknown }[] = [];
  let reply: unknown = {};

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        seen.push({ auth: req.headers.authorization, team: req.headers["x-team"] as string, body: JSON.parse(body) });
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/search`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("posts {query, topK} with its headers and returns the chunks it answers", async () => {
    const { engineer, config } = await retrievalProject();
    const v = await createRetrievalConfigVersion(engineer, config({ knowledgeBaseId: null, topK: 2, minSimilarity: 0.3, externalRetriever: { url, headers: { "X-Team": "support" }, authHeader: { name: "Authorization", value: "Bearer ext-secret-123" } } }));
    reply = { chunks: [{ text: "Refunds take 14 days.", id: "kb-1", lastUpdated: "2025-05-01", score: 0.9 }, { text: "Too weak.", score: 0.1 }, { text: "No score.", id: 7 }, { text: "Beyond top-k.", score: 0.8 }] };
    const result = await searchKnowledge(engineer.projectId, v.id, "refund time");
    expect(seen.at(-1)).toEqual({ auth: "Bearer ext-secret-123", team: "support", body: { query: "refund time", topK: 2 } });
    expect(result).toEqual({
      source: "external",
      chunks: [
        { text: "Refunds take 14 days.", documentSourceId: "kb-1", title: null, lastUpdatedAt: "2025-05-01", score: 0.9 },
        { text: "No score.", documentSourceId: "7", title: null, lastUpdatedAt: null, score: null },
      ],
    });
  });

  it("reports a malformed answer clearly", async () => {
    const { engineer, config } = await retrievalProject();
    const v = await createRetrievalConfigVersion(engineer, config({ knowledgeBaseId: null, externalRetriever: { url } }));
    reply = { chunks: [{ content: "wrong field" }] };
    await expect(searchKnowledge(engineer.projectId, v.id, "refund")).rejects.toMatchObject({
      code: "UNAVAILABLE", message: expect.stringMatching(/malformed response .*chunks\.0\.text/),
    });
    reply = { results: [] };
    await expect(searchKnowledge(engineer.projectId, v.id, "refund")).rejects.toMatchObject({ message: expect.stringContaining("chunks") });
  });
});
