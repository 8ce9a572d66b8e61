import { setMaxListeners } from "node:events";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db } from "../../db";
import { AppError, loggableError } from "../../errors";
import { logger } from "../../log/logger";
import { providerClientFor } from "../../registry/connections/test-connection";
import { resolveChatModel } from "../../registry/candidate";
import { findModelVersion } from "../../registry/models/repo";
import { presentVersion } from "../../registry/prompts/present";
import { embedderFor } from "../../registry/retrieval/index-build";
import { DEFAULT_RUBRIC } from "../judge";
import type { EmbedFn } from "../types";
import { finishRun } from "./finish";
import { insertResults } from "./repo";
import type { StoredRunConfig } from "./schemas";
import type { ResultForSummary } from "./types";
import { runSlot, type SlotContext, type SlotItem, type SlotOutcome } from "./slot";

// The worker's use case for one eval run (issue 4, "Runs"). Fan-out: a pool of slot workers takes
// item × repeat slots off a list; the connection's semaphore (lib/providers/limiter) bounds calls per
// connection, and the provider layer retries 429s and 5xx. Exactly once: each result row is unique per
// run × item × repeat and inserted with ON CONFLICT DO NOTHING, and cost and progress are only ever
// summed from those rows, so a slot done twice (a redelivered job) is stored and counted once.
// Resume: a restarted run skips the slots that already have a row. The run's lease in Postgres keeps a
// second worker from working the same run while the first is alive.

export const LEASE_MS = 30_000;
// also how soon a cancel request is seen
const HEARTBEAT_MS = 1_000;
// Enough slots in flight to keep every connection slot busy while others write their results.
const POOL_PER_CONNECTION_SLOT = 2;
const MAX_POOL = 256;

// One token per execution, not per process: a job retried in the same process must not pass as the
// attempt that still holds the lease.
export const workerIdentity = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export interface ExecuteOptions {
  workerId?: string;
  /** Aborted when the worker shuts down: in-flight calls stop, nothing partial is written, the run resumes elsewhere. */
  signal?: AbortSignal;
  /** The job's last attempt: an error now fails the run instead of leaving it for a retry. */
  finalAttempt?: boolean;
}

export type ExecuteOutcome = { ran: false; reason: string } | { ran: true; status: "completed" | "cancelled" | "stopped" | "failed" | "paused"; written: number };

/** Takes the run if nobody holds it (or we already do); queued becomes running. */
async function claim(runId: string, workerId: string): Promise<boolean> {
  const now = new Date();
  const claimed = await db().evalRun.updateMany({
    where: {
      id: runId, status: { in: ["queued", "running"] },
      OR: [{ leaseOwner: null }, { leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }, { leaseOwner: workerId }],
    },
    data: { status: "running", leaseOwner: workerId, leaseExpiresAt: new Date(now.getTime() + LEASE_MS) },
  });
  if (claimed.count === 0) return false;
  await db().evalRun.updateMany({ where: { id: runId, startedAt: null }, data: { startedAt: now } });
  return true;
}

async function loadRun(projectId: string, runId: string) {
  const run = await db().evalRun.findFirst({
    where: { id: runId, projectId },
    include: { promptVersion: { include: { prompt: { select: { name: true } } } }, judgePromptVersion: { include: { prompt: { select: { name: true } } } } },
  });
  if (!run) throw new AppError("NOT_FOUND", "The eval run no longer exists.");
  return run;
}

async function similarityEmbedder(projectId: string, config: unknown): Promise<EmbedFn | undefined> {
  const id = (config as { embeddingModelVersionId?: string } | null)?.embeddingModelVersionId;
  if (!id) return undefined;
  const row = await findModelVersion(db(), projectId, id);
  if (!row || !row.capabilities.includes("embeddings")) throw new AppError("VALIDATION", "The similarity scorer's embedding model version is missing or cannot embed.");
  return embedderFor(projectId, row);
}

async function buildContext(run: Awaited<ReturnType<typeof loadRun>>): Promise<SlotContext> {
  const config = run.config as unknown as StoredRunConfig;
  const prompt = presentVersion(run.promptVersion);
  const model = await resolveChatModel(run.projectId, run.modelVersionId);
  const client = await providerClientFor(run.projectId, model.connectionId);
  const scorers = await Promise.all(
    config.scorers.map(async (s) => ({ ...s, embed: s.type === "similarity" ? await similarityEmbedder(run.projectId, s.config) : undefined })),
  );
  let judge: SlotContext["judge"] = null;
  if (run.judgePromptVersion && run.judgeModelVersionId) {
    const judgeModel = await resolveChatModel(run.projectId, run.judgeModelVersionId, "judge.modelVersionId");
    judge = {
      prompt: presentVersion(run.judgePromptVersion),
      model: judgeModel,
      client: judgeModel.connectionId === model.connectionId ? client : await providerClientFor(run.projectId, judgeModel.connectionId),
      rubric: config.judge?.rubric ?? DEFAULT_RUBRIC,
      passAt: config.judge?.passAt ?? 4,
    };
  }
  return { projectId: run.projectId, prompt, model, client, retrievalVersionId: run.retrievalConfigVersionId, scorers, judge };
}

async function pendingSlots(runId: string, datasetVersionId: string, repeats: number): Promise<SlotItem[][]> {
  const [items, done] = await Promise.all([
    db().datasetItem.findMany({ where: { datasetVersionId }, orderBy: { position: "asc" } }),
    db().evalResult.findMany({ where: { runId }, select: { itemId: true, repeat: true } }),
  ]);
  const have = new Set(done.map((d) => `${d.itemId}:${d.repeat}`));
  // repeat-major order: every item's first answer comes before any item's second, so a run stopped
  // early (cost cap, cancel) still covers the whole dataset once
  return Array.from({ length: repeats }, (_, repeat) =>
    items
      .filter((i) => !have.has(`${i.id}:${repeat}`))
      .map((i) => ({
        id: i.id, key: i.key, position: i.position, language: i.language, inputs: (i.inputs ?? {}) as Record<string, unknown>,
        contextChunks: Array.isArray(i.contextChunks) ? (i.contextChunks as SlotItem["contextChunks"]) : [],
        reference: i.reference, relevantDocIds: i.relevantDocIds,
      })),
  );
}

async function spentSoFar(runId: string): Promise<number> {
  const sums = await db().evalResult.aggregate({ where: { runId }, _sum: { costUsd: true, judgeCostUsd: true } });
  return (sums._sum.costUsd ?? 0) + (sums._sum.judgeCostUsd ?? 0);
}

type Finished = { item: SlotItem; repeat: number; outcome: SlotOutcome };

const rowOf = (run: { id: string; projectId: string }, { item, repeat, outcome: o }: Finished) => ({
  projectId: run.projectId, runId: run.id, itemId: item.id, itemKey: item.key, itemPosition: item.position, language: item.language, repeat,
  status: o.status, errorStage: o.errorStage, error: o.error, output: o.output,
  messages: (o.messages ?? undefined) as object | undefined, context: (o.context ?? undefined) as object | undefined, retrievedDocIds: o.retrievedDocIds,
  latencyMs: o.latencyMs, inputTokens: o.inputTokens, outputTokens: o.outputTokens, costUsd: o.costUsd,
  judgeInputTokens: o.judgeInputTokens, judgeOutputTokens: o.judgeOutputTokens, judgeCostUsd: o.judgeCostUsd, judgeLatencyMs: o.judgeLatencyMs,
  judgeRaw: o.judgeRaw, scores: o.scores,
});
/** A result row as inserted; it is also everything the summary reads. */
type ResultRow = ReturnType<typeof rowOf>;

// Results are written in small batches (one INSERT … ON CONFLICT DO NOTHING per batch) so slot
// workers never wait on the database between provider calls. A batch lost with the process is only
// work lost, never a wrong count: those slots have no row and are redone on resume.
const BATCH_ROWS = 25;
const BATCH_WAIT_MS = 50;

function resultWriter(run: { id: string; projectId: string }) {
  let pending: ResultRow[] = [];
  const all: ResultRow[] = [];
  let timer: NodeJS.Timeout | undefined;
  let written = 0;
  let failure: unknown;
  const inFlight = new Set<Promise<void>>();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const write = insertResults(batch)
      .then((count) => { written += count; }, (err) => { failure ??= err; })
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
  };
  return {
    add(finished: Finished) {
      const row = rowOf(run, finished);
      pending.push(row);
      all.push(row);
      if (pending.length >= BATCH_ROWS) flush();
      else timer ??= setTimeout(flush, BATCH_WAIT_MS);
    },
    /** Writes what is buffered and waits for every write; throws the first write error. */
    async drain(): Promise<number> {
      flush();
      while (inFlight.size) await Promise.all(inFlight);
      if (failure) throw failure;
      return written;
    },
    get failed() {
      return failure !== undefined;
    },
    /** What this writer was given, for the summary when it wrote every row of the run. */
    get rows(): ResultForSummary[] {
      return all;
    },
  };
}

type StopReason = { kind: "cancel" } | { kind: "shutdown" } | { kind: "lease-lost" } | { kind: "cap"; message: string } | { kind: "error"; error: unknown };

const releaseLease = (runId: string, workerId: string) =>
  db().evalRun.updateMany({ where: { id: runId, leaseOwner: workerId }, data: { leaseOwner: null, leaseExpiresAt: null } });

export async function executeEvalRun(projectId: string, runId: string, options: ExecuteOptions = {}): Promise<ExecuteOutcome> {
  const workerId = options.workerId ?? workerIdentity();
  if (!(await claim(runId, workerId))) return { ran: false, reason: "finished, or held by another worker" };
  const run = await loadRun(projectId, runId);
  const log = logger.child({ runId, projectId });

  // what is already done is read while the clients are built: setup is dead time for the provider
  const done = Promise.all([spentSoFar(run.id), pendingSlots(run.id, run.datasetVersionId, run.repeats)]);
  done.catch(() => {});
  let ctx: SlotContext;
  try {
    ctx = await buildContext(run);
  } catch (err) {
    // the candidate cannot be called at all (a deleted model, an unreadable secret): the run fails with
    // the reason; anything else (a database blip) is left for the job's retry
    if (!(err instanceof AppError) && !options.finalAttempt) {
      await releaseLease(run.id, workerId);
      throw err;
    }
    const message = err instanceof AppError ? err.message : `The run could not start: ${loggableError(err).message}`;
    await finishRun(run, workerId, "failed", { error: message });
    log.warn({ err: loggableError(err) }, "eval run failed to start");
    return { ran: true, status: "failed", written: 0 };
  }

  const stop = new AbortController();
  // every in-flight call listens on it (semaphore wait, timeout, fetch)
  setMaxListeners(MAX_POOL * 4, stop.signal);
  let stopReason: StopReason | undefined;
  const halt = (reason: StopReason, abortInFlight: boolean) => {
    stopReason ??= reason;
    if (abortInFlight && !stop.signal.aborted) stop.abort(new Error(reason.kind));
  };
  const onShutdown = () => halt({ kind: "shutdown" }, true);
  options.signal?.addEventListener("abort", onShutdown, { once: true });
  if (options.signal?.aborted) onShutdown();

  let renewedAt = Date.now();
  const heartbeat = setInterval(() => {
    // renewals failing for most of a lease (the database unreachable): stop before another worker may take over
    if (Date.now() - renewedAt > LEASE_MS - 5_000) halt({ kind: "lease-lost" }, true);
    void (async () => {
      const renewed = await db().evalRun.updateMany({
        where: { id: run.id, leaseOwner: workerId, status: "running" },
        data: { leaseExpiresAt: new Date(Date.now() + LEASE_MS) },
      });
      if (renewed.count === 0) return halt({ kind: "lease-lost" }, true);
      renewedAt = Date.now();
      const current = await db().evalRun.findUnique({ where: { id: run.id }, select: { cancelRequestedAt: true } });
      if (current?.cancelRequestedAt) halt({ kind: "cancel" }, true);
    })().catch((err) => log.warn({ err: loggableError(err) }, "eval run heartbeat failed"));
  }, HEARTBEAT_MS);

  const writer = resultWriter(run);
  let written = 0;
  let hadRowsBefore = true;
  try {
    if (run.cancelRequestedAt) halt({ kind: "cancel" }, true);
    const [spentBefore, pending] = await done;
    hadRowsBefore = pending.reduce((n, items) => n + items.length, 0) !== run.totalSlots;
    let spent = spentBefore;
    let finishedHere = 0;
    let inFlight = 0;
    const slots = pending.flatMap((items, repeat) => items.map((item) => ({ item, repeat })));
    // Before a slot starts: the spend so far plus what the slots in flight will likely cost (the average
    // slot so far) must stay under the cap, so a wide pool cannot overshoot it by a pool's worth.
    const capAllows = () => {
      if (run.costCapUsd === null) return true;
      const average = finishedHere ? (spent - spentBefore) / finishedHere : 0;
      if (spent + (inFlight + 1) * average < run.costCapUsd) return true;
      halt({ kind: "cap", message: `Stopped at the cost cap: $${spent.toFixed(4)} spent of the $${run.costCapUsd} cap (about $${average.toFixed(4)} per item).` }, false);
      return false;
    };
    const poolSize = Math.min(MAX_POOL, Math.max(1, slots.length), POOL_PER_CONNECTION_SLOT * connectionSlots(ctx));
    let next = 0;
    const work = async () => {
      while (!stopReason && next < slots.length && capAllows()) {
        const { item, repeat } = slots[next++];
        let outcome: SlotOutcome;
        inFlight++;
        try {
          outcome = await runSlot(ctx, item, stop.signal);
        } catch (err) {
          // aborted calls write nothing; anything else stops every slot and fails this attempt
          if (!stop.signal.aborted) halt({ kind: "error", error: err }, true);
          return;
        } finally {
          inFlight--;
        }
        // a slot that finished is paid for: keep it even when stopping (the unique key makes this safe)
        writer.add({ item, repeat, outcome });
        spent += outcome.costUsd + outcome.judgeCostUsd;
        finishedHere++;
        if (writer.failed) halt({ kind: "error", error: new Error("Writing eval results failed") }, true);
      }
    };
    try {
      // allSettled-style: every slot loop has ended before anything is drained or the attempt fails
      await Promise.all(Array.from({ length: poolSize }, work));
    } finally {
      // completed slots are written even when stopping; a write error fails the job (BullMQ retries it, the run resumes)
      written = await writer.drain();
    }
  } finally {
    clearInterval(heartbeat);
    options.signal?.removeEventListener("abort", onShutdown);
  }

  const reason = stopReason as StopReason | undefined;
  if (reason?.kind === "error") {
    if (!options.finalAttempt) {
      // BullMQ retries the job; the run resumes from the rows written
      await releaseLease(run.id, workerId);
      throw reason.error;
    }
    await finishRun(run, workerId, "failed", { error: `The run stopped on an error after its last retry: ${loggableError(reason.error).message}` });
    log.error({ err: loggableError(reason.error) }, "eval run failed");
    return { ran: true, status: "failed", written };
  }
  if (reason?.kind === "shutdown" || reason?.kind === "lease-lost") {
    // leave it running for the next worker (the sweep dispatches it); give up the lease at once
    await releaseLease(run.id, workerId);
    log.info({ written, reason: reason.kind }, "eval run paused");
    return { ran: true, status: "paused", written };
  }
  if (reason?.kind === "cancel") {
    await finishRun(run, workerId, "cancelled", { stopReason: "Cancelled." });
    log.info({ written }, "eval run cancelled");
    return { ran: true, status: "cancelled", written };
  }
  if (reason?.kind === "cap") {
    await finishRun(run, workerId, "stopped", { stopReason: reason.message });
    log.info({ written }, "eval run stopped at its cost cap");
    return { ran: true, status: "stopped", written };
  }
  // a run done in one go by this worker: its rows are all in memory, no need to read them back
  const known = !hadRowsBefore && written === writer.rows.length ? writer.rows : undefined;
  await finishRun(run, workerId, "completed", {}, known);
  log.info({ written }, "eval run completed");
  return { ran: true, status: "completed", written };
}

function connectionSlots(ctx: SlotContext): number {
  const candidate = ctx.client.maxConcurrency;
  const judge = ctx.judge && ctx.judge.client !== ctx.client ? ctx.judge.client.maxConcurrency : 0;
  return candidate + judge;
}
