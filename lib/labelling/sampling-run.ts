import { db, type Tx } from "../db";
import { loggableError } from "../errors";
import { logger } from "../log/logger";
import { appendAuditEvent } from "../audit/repo";
import { addLabelItems, type NewLabelItem } from "./add-items";
import { notifyNewItems } from "./queues";
import { findProjectSlug } from "./repo";
import { detectLanguage } from "./sampling-language";
import { sampleStrata, scoreBucketOf } from "./sampling-traces";
import { claimDueQueue, setSampleWatermark, findExistingTraces, findFeedbackFor, findNegativeFeedback, findRetrievedDocs, findRootSpans, findTracesInWindow } from "./sampling-repo";
import { ZQueueSource, type QueueSource } from "./sources";

// The label.sample job: every queue with a repeating source whose nextSampleAt has come gets what
// arrived since its watermark (sampledUntil). The items, the new watermark and the next run time are
// written in one transaction, holding the queue row: a crash leaves the window to be sampled again,
// and a rerun of a window picks the same traces, which addLabelItems then skips.

// spans of a trace arrive in batches for a little while after it starts; sampling a trace before its
// root span's output is in would snapshot half a conversation
const INGEST_GRACE_MS = 2 * 60_000;
// a window with more traces than this is sampled in slices, oldest first, one slice per run
const MAX_CANDIDATES = 5000;

const SAMPLER = { actorType: "system", actorId: "label.sample", actorLabel: "labelling sampler", requestId: null };

type Queue = NonNullable<Awaited<ReturnType<typeof claimDueQueue>>>;
type Repeating = Extract<QueueSource, { kind: "traces" | "feedback" }>;

/** Snapshots of traces as reviewers see them: root input and output, retrieved documents, feedback. */
async function traceItems(tx: Tx, projectId: string, picked: { traceId: string; stratum: string }[]): Promise<NewLabelItem[]> {
  const ids = picked.map((p) => p.traceId);
  const [roots, docs, feedback] = await Promise.all([findRootSpans(tx, projectId, ids), findRetrievedDocs(tx, projectId, ids), findFeedbackFor(tx, projectId, ids)]);
  return picked.map(({ traceId, stratum }) => {
    const root = roots.get(traceId);
    const fb = feedback.get(traceId) ?? [];
    const shown = fb.find((f) => f.negative) ?? fb[0];
    return {
      sourceKind: "trace", sourceId: traceId, input: root?.input ?? "", output: root?.output ?? "", context: docs.get(traceId) ?? null,
      language: detectLanguage(root?.input), stratum,
      meta: { traceId, ...(shown ? { feedback: { negative: shown.negative, comment: shown.comment } } : {}) },
    };
  });
}

/** The traces source: a stratified sample of the window's traces. Returns the items and where the window really ended. */
async function sampleTraces(tx: Tx, q: Queue, source: Extract<Repeating, { kind: "traces" }>, from: Date, to: Date) {
  const traces = await findTracesInWindow(tx, q.projectId, { from, to, environment: source.environment, take: MAX_CANDIDATES });
  const end = traces.length === MAX_CANDIDATES ? traces[traces.length - 1].startTime : to;
  if (traces.length === 0) return { items: [], end };
  const ids = traces.map((t) => t.traceId);
  const [roots, feedback] = await Promise.all([findRootSpans(tx, q.projectId, ids), findFeedbackFor(tx, q.projectId, ids)]);
  const candidates = ids.map((traceId) => ({ traceId, language: detectLanguage(roots.get(traceId)?.input), bucket: scoreBucketOf(feedback.get(traceId) ?? []) }));
  const picked = sampleStrata(candidates, {
    ratePercent: source.ratePercent, maxPerRun: source.maxPerRun, strata: source.strata, seedKey: `${q.id}|${from.toISOString()}`,
  });
  return { items: await traceItems(tx, q.projectId, picked.map((p) => ({ traceId: p.candidate.traceId, stratum: p.stratum }))), end };
}

/** The feedback source: every trace given negative feedback in the window, oldest feedback first. */
async function sampleFeedback(tx: Tx, q: Queue, source: Extract<Repeating, { kind: "feedback" }>, from: Date, to: Date) {
  const rows = await findNegativeFeedback(tx, q.projectId, { from, to, take: source.maxPerRun });
  const end = rows.length === source.maxPerRun ? rows[rows.length - 1].updatedAt : to;
  const existing = new Set((await findExistingTraces(tx, q.projectId, [...new Set(rows.map((r) => r.traceId))])).map((t) => t.traceId));
  const traceIds = [...new Set(rows.map((r) => r.traceId))].filter((id) => existing.has(id));
  const items = await traceItems(tx, q.projectId, traceIds.map((traceId) => ({ traceId, stratum: "" })));
  return { items: items.map((i) => ({ ...i, stratum: `${i.language}|negative` })), end };
}

/** Samples one claimed queue inside the claiming transaction. */
async function sampleQueue(tx: Tx, q: Queue, now: Date) {
  const source = ZQueueSource.parse(q.source);
  if (source.kind === "eval_run") {
    await setSampleWatermark(tx, q.id, { nextSampleAt: null });
    return 0;
  }
  const from = q.sampledUntil ?? new Date(now.getTime() - source.cadenceMinutes * 60_000);
  const to = new Date(Math.max(from.getTime(), now.getTime() - INGEST_GRACE_MS));
  const { items, end } = source.kind === "traces" ? await sampleTraces(tx, q, source, from, to) : await sampleFeedback(tx, q, source, from, to);
  const added = await addLabelItems(tx, q.id, items);
  // a window cut short by the cap goes on at once rather than a whole cadence later
  const caughtUp = end.getTime() >= to.getTime();
  await setSampleWatermark(tx, q.id, { sampledUntil: end, nextSampleAt: caughtUp ? new Date(now.getTime() + source.cadenceMinutes * 60_000) : now });
  if (added > 0) {
    await appendAuditEvent(tx, {
      ...SAMPLER, projectId: q.projectId, action: "label_queue.sample", resourceType: "label_queue", resourceId: q.id,
      after: { from: from.toISOString(), to: end.toISOString(), added, strata: [...new Set(items.map((i) => i.stratum))].sort() },
    });
    await notifyNewItems(tx, q, added, await findProjectSlug(tx, q.projectId));
  }
  return added;
}

export interface SampleRun {
  queueId: string;
  added: number;
}

/**
 * Samples every due queue (or just `queueId`, due or not), each in its own transaction. A queue that
 * fails is logged and left for the next sweep; the others still run.
 */
export async function sampleDueQueues(opts: { now?: Date; queueId?: string } = {}): Promise<SampleRun[]> {
  const runs: SampleRun[] = [];
  const tried: string[] = [];
  for (;;) {
    const now = opts.now ?? new Date();
    let claimedId = null as string | null;
    try {
      const run = await db().$transaction(
        async (tx) => {
          const q = await claimDueQueue(tx, now, { queueId: opts.queueId, skip: tried });
          if (!q) return null;
          claimedId = q.id;
          return { queueId: q.id, added: await sampleQueue(tx, q, now) };
        },
        { timeout: 120_000 },
      );
      if (!run) return runs;
      runs.push(run);
      tried.push(run.queueId);
    } catch (err) {
      if (!claimedId) throw err;
      logger.error({ err: loggableError(err), queueId: claimedId }, "sampling a labelling queue failed");
      tried.push(claimedId);
    }
    if (opts.queueId) return runs;
  }
}
