import { db } from "../../db";
import { AppError, loggableError } from "../../errors";
import { appendAuditEvent } from "../../audit/repo";
import { assertCan, auditActor, type Principal } from "../../authz/principal";
import { enqueue } from "../../queue/queue";
import { countTokens } from "../../providers/tokens";
import { isProviderError } from "../../providers/errors";
import { providerClientFor } from "../connections/test-connection";
import { chunkText, type ChunkOptions } from "./chunking";
import { presentIndexBuild } from "./present";
import { findDocumentsForIndex, findRetrievalConfigVersionById } from "./repo";
import { retrievalConfigVersionRow } from "./service";
import {
  addIndexBuildProgress, claimIndexBuild, deleteChunksOfOtherDocuments, findIndexBuild, findIndexBuildById, findIndexedDocuments, findVersionForIndex, finishIndexBuild,
  queueIndexBuild, replaceDocumentChunks, setIndexBuildTotals, type ChunkRow,
} from "./index-repo";
import type { TIndexBuild } from "./schemas";

// Indexing a knowledge base for one retrieval config version: chunk every document, embed the
// chunks in batches with the version's embedding model, and store them per document (delete and
// insert in one transaction), recording progress on the version's IndexBuild row as it goes.

/** Exact in-app cosine search is sized for this; beyond it, pgvector (README "Retrieval"). */
export const MAX_CHUNKS_PER_INDEX = 100_000;
export const EMBED_BATCH_SIZE = 64;

export type Embed = (texts: string[]) => Promise<number[][]>;
export interface IndexJob {
  projectId: string;
  buildId: string;
  generation: number;
}

/** Pure: a document's chunks with their token counts (o200k estimate), in order. */
export function planDocumentChunks(text: string, options: ChunkOptions) {
  return chunkText(text, options).map((chunk, ordinal) => ({ ordinal, text: chunk, tokenCount: countTokens(chunk) }));
}

/** Embeds planned chunks in batches; `onBatch` hears how many were embedded after each batch. */
export async function embedChunks(planned: ReturnType<typeof planDocumentChunks>, embed: Embed, onBatch: (n: number) => Promise<void>): Promise<ChunkRow[]> {
  const rows: ChunkRow[] = [];
  for (let i = 0; i < planned.length; i += EMBED_BATCH_SIZE) {
    const batch = planned.slice(i, i + EMBED_BATCH_SIZE);
    const vectors = await embed(batch.map((c) => c.text));
    if (vectors.length !== batch.length) throw new AppError("UNAVAILABLE", `The embedding model returned ${vectors.length} vectors for ${batch.length} chunks.`);
    batch.forEach((c, j) => rows.push({ ...c, embedding: vectors[j] }));
    await onBatch(batch.length);
  }
  return rows;
}

export async function embedderFor(projectId: string, model: { connectionId: string; providerModelId: string }): Promise<Embed> {
  const client = await providerClientFor(projectId, model.connectionId);
  return async (input) => (await client.embed({ model: model.providerModelId, input })).vectors;
}

class Superseded extends Error {}

/**
 * The worker's use case. Documents whose chunks were already built from their current content are
 * skipped, so a retried or redelivered job redoes only what is missing. Returns false when the job
 * no longer owns the build (a newer generation was queued, or it already finished).
 */
export async function runIndexBuild(job: IndexJob): Promise<boolean> {
  if (!(await claimIndexBuild(job))) return false;
  const build = await findIndexBuildById(job.projectId, job.buildId);
  const version = build && (await findVersionForIndex(job.projectId, build.retrievalConfigVersionId));
  if (!version?.knowledgeBaseId) throw new AppError("VALIDATION", "This retrieval config version has no knowledge base to index.");
  const options = { chunkSize: version.chunkSize, chunkOverlap: version.chunkOverlap };
  const documents = await findDocumentsForIndex(job.projectId, version.knowledgeBaseId);
  const plans = documents.map((d) => ({ doc: d, chunks: planDocumentChunks(d.text, options) }));
  const totalChunks = plans.reduce((n, p) => n + p.chunks.length, 0);
  if (totalChunks > MAX_CHUNKS_PER_INDEX) {
    throw new AppError("VALIDATION", `The knowledge base makes ${totalChunks} chunks with this chunk size; the built-in index holds at most ${MAX_CHUNKS_PER_INDEX}. Use larger chunks or less overlap.`);
  }
  const indexed = new Map((await findIndexedDocuments(version.id)).map((r) => [r.documentId, r]));
  const current = (p: (typeof plans)[number]) => {
    const have = indexed.get(p.doc.id);
    return have?.documentHash === p.doc.contentHash && have.count === p.chunks.length;
  };
  const todo = plans.filter((p) => !current(p));
  const doneAlready = totalChunks - todo.reduce((n, p) => n + p.chunks.length, 0);
  if (!(await setIndexBuildTotals(job, { totalDocuments: documents.length, totalChunks, doneChunks: doneAlready }))) return false;
  await deleteChunksOfOtherDocuments(job.projectId, version.id, documents.map((d) => d.id));

  const embed = todo.length ? await embedderFor(job.projectId, version.embeddingModelVersion) : null;
  try {
    for (const { doc, chunks } of todo) {
      const rows = await embedChunks(chunks, embed!, async (n) => {
        if (!(await addIndexBuildProgress(job, n))) throw new Superseded();
      });
      await replaceDocumentChunks(job.projectId, version.id, doc.id, doc.contentHash, rows);
    }
  } catch (err) {
    if (err instanceof Superseded) return false;
    throw err;
  }
  await finishIndexBuild(job, { status: "done" });
  return true;
}

/** What a person can read about a failure: our own messages, the provider's, never driver internals. */
function failureMessage(err: unknown): string {
  if (err instanceof AppError || isProviderError(err)) return err.message.slice(0, 1000);
  return `Indexing failed unexpectedly (${loggableError(err).name}); the worker log has details.`;
}

const retryable = (err: unknown) => !(err instanceof AppError) && !(isProviderError(err) && !err.retryable);

/**
 * Runs a job and records its failure on the build: the last attempt (or an error that retrying
 * cannot fix) marks it failed; an earlier attempt notes the error and rethrows so the queue retries.
 */
export async function processIndexJob(job: IndexJob, attempt: { made: number; max: number }): Promise<{ ran: boolean }> {
  try {
    return { ran: await runIndexBuild(job) };
  } catch (err) {
    const message = failureMessage(err);
    if (retryable(err) && attempt.made + 1 < attempt.max) {
      await finishIndexBuild(job, { status: "running", error: `Attempt ${attempt.made + 1} of ${attempt.max} failed, retrying: ${message}` });
      throw err;
    }
    await finishIndexBuild(job, { status: "failed", error: message });
    return { ran: true };
  }
}

async function queueBuild(principal: Principal, configVersionId: string) {
  assertCan(principal, "registry:write");
  return db().$transaction(async (tx) => {
    const version = await findRetrievalConfigVersionById(tx, principal.projectId, configVersionId);
    if (!version) throw new AppError("NOT_FOUND", "No retrieval config version with this id in this project.");
    if (!version.knowledgeBaseId) throw new AppError("CONFLICT", "This version uses an external retriever; there is no index to build.");
    const existing = await findIndexBuild(tx, principal.projectId, version.id);
    if (existing && (existing.status === "queued" || existing.status === "running")) return { build: existing, fresh: false };
    const build = await queueIndexBuild(tx, principal.projectId, version.id);
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: "retrieval_config.index.build", resourceType: "retrievalConfigVersion", resourceId: version.id,
      after: { name: version.retrievalConfig.name, version: version.version, buildId: build.id, generation: build.generation },
    });
    return { build, fresh: true };
  });
}

/** Queues the index build of a version (job "retrieval.index"); a build already under way is returned as is. */
export async function buildIndex(principal: Principal, configVersionId: string): Promise<TIndexBuild> {
  const { build } = await queueBuild(principal, configVersionId);
  const job = { projectId: principal.projectId, buildId: build.id, generation: build.generation };
  try {
    // the job id makes a repeated enqueue of the same generation a no-op
    await enqueue("retrieval.index", job, { jobId: `retrieval-index-${build.id}-${build.generation}` });
  } catch {
    await finishIndexBuild(job, { status: "failed", error: "Could not queue the build: the job queue (Redis) is unavailable." });
    throw new AppError("UNAVAILABLE", "Could not queue the index build: the job queue is unavailable. Try again shortly.");
  }
  return presentIndexBuild(build);
}

/** Builds in this process instead of the worker (the demo seed; the offline embedder is fast). */
export async function buildIndexNow(principal: Principal, configVersionId: string): Promise<TIndexBuild> {
  const { build } = await queueBuild(principal, configVersionId);
  await processIndexJob({ projectId: principal.projectId, buildId: build.id, generation: build.generation }, { made: 0, max: 1 });
  return getIndexBuild(principal, configVersionId);
}

/** The build's progress, or null when the version was never queued for indexing. */
export async function findIndexBuildStatus(principal: Principal, configVersionId: string): Promise<TIndexBuild | null> {
  assertCan(principal, "registry:read");
  const build = await findIndexBuild(db(), principal.projectId, configVersionId);
  return build ? presentIndexBuild(build) : null;
}

/** The build's progress; 404 when the version was never queued for indexing. */
export async function getIndexBuild(principal: Principal, configVersionId: string): Promise<TIndexBuild> {
  const build = await findIndexBuildStatus(principal, configVersionId);
  if (!build) throw new AppError("NOT_FOUND", "This version's index has not been built yet.");
  return build;
}

/** The API's addressing: a config name and version number instead of the version's id. */
export async function buildIndexByName(principal: Principal, name: string, version: number): Promise<TIndexBuild> {
  assertCan(principal, "registry:write");
  return buildIndex(principal, (await retrievalConfigVersionRow(principal.projectId, name, version)).id);
}

export async function getIndexBuildByName(principal: Principal, name: string, version: number): Promise<TIndexBuild> {
  assertCan(principal, "registry:read");
  return getIndexBuild(principal, (await retrievalConfigVersionRow(principal.projectId, name, version)).id);
}
