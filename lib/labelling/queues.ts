import { db, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { notify } from "../notifications/service";
import { addLabelItems } from "./add-items";
import { ZQueueSource, isRepeatingSource, type QueueSource } from "./sources";
import { evalLabelItem, seedFrom, selectEvalResults } from "./sampling-eval";
import {
  countItemsByStatus, findEvalRunForQueue, findProjectSlug, findLabelQueue, findLabelQueues, findLabellers, findRunResultsForLabelling, findScoreConfigVersion,
  insertLabelQueue, userNames, type QueueRow,
} from "./repo";
import type { TCreateLabelQueue, TLabelQueue } from "./schemas";

// Labelling queues: creating, listing, reading. An eval run source adds its items in the creating
// transaction; repeating sources (traces, feedback) are sampled by the label.sample job from then on.
// Settings changes are in queues-settings.ts.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const FINISHED_RUN = new Set(["completed", "stopped", "cancelled", "failed"]);
const DEFAULT_SAMPLE_SIZE = 50;

export function presentQueue(q: QueueRow, counts: { open: number; needs_adjudication: number; gold: number }, names: Map<string, string>): TLabelQueue {
  return {
    id: q.id, name: q.name, description: q.description, scoreConfigVersionId: q.scoreConfigVersionId,
    rubric: { scoreConfigId: q.scoreConfigVersion.scoreConfig.id, name: q.scoreConfigVersion.scoreConfig.name, version: q.scoreConfigVersion.version },
    annotatorsPerItem: q.annotatorsPerItem,
    assignees: q.assigneeIds.map((id) => ({ id, name: names.get(id) ?? "(removed)" })),
    dueAt: iso(q.dueAt), adjudicationThreshold: q.adjudicationThreshold, lockMinutes: q.lockMinutes,
    source: ZQueueSource.parse(q.source), nextSampleAt: iso(q.nextSampleAt), sampledUntil: iso(q.sampledUntil), archivedAt: iso(q.archivedAt),
    authorLabel: q.authorLabel, createdAt: q.createdAt.toISOString(),
    items: counts.open + counts.needs_adjudication + counts.gold, counts,
  };
}

/** Refuses assignees who are not members allowed to label (422 naming the field). */
export async function assertLabellers(projectId: string, ids: string[]) {
  if (ids.length === 0) return;
  const ok = new Set((await findLabellers(projectId, ids)).map((m) => m.userId));
  const bad = ids.filter((id) => !ok.has(id));
  if (bad.length) {
    throw new AppError("VALIDATION", "Assignees must be members who may label (admins, engineers, reviewers).", [
      { field: "assigneeIds", message: `not a member who may label: ${bad.join(", ")}` },
    ]);
  }
}

export async function rubricVersionOrThrow(tx: Tx, projectId: string, id: string) {
  const v = await findScoreConfigVersion(tx, projectId, id);
  if (!v) throw new AppError("VALIDATION", "That rubric version is not in this project.", [{ field: "scoreConfigVersionId", message: `no rubric version "${id}" in this project` }]);
  return v;
}

/** The eval run's items for the queue, selected per the source's mode. */
async function evalRunItems(tx: Tx, projectId: string, source: Extract<QueueSource, { kind: "eval_run" }>) {
  const run = await findEvalRunForQueue(tx, projectId, source.runId);
  if (!run) throw new AppError("VALIDATION", "That eval run is not in this project.", [{ field: "source.runId", message: `no eval run "${source.runId}" in this project` }]);
  if (!FINISHED_RUN.has(run.status)) throw new AppError("CONFLICT", `Eval run "${run.name}" is ${run.status}; make a queue from it once it has finished.`);
  const { results, items } = await findRunResultsForLabelling(tx, projectId, run.id, run.datasetVersionId);
  const passAt = (run.config as { judge?: { passAt?: number } } | null)?.judge?.passAt ?? 4;
  const chosen = selectEvalResults(results, { mode: source.mode, size: source.mode === "all" ? undefined : source.size ?? DEFAULT_SAMPLE_SIZE, seed: source.seed!, passAt });
  if (chosen.length === 0) {
    const why = results.length === 0
      ? "it has no completed results with an output"
      : source.mode === "low_confidence" ? "none of its results has judge scores; choose all items or a sample"
      : source.mode === "disagreement" ? "it needs both judge and heuristic scores on the same items; choose all items or a sample" : "it has no items";
    throw new AppError("VALIDATION", `Nothing to label from eval run "${run.name}": ${why}.`, [{ field: "source.mode", message: why }]);
  }
  return chosen.map((r) => evalLabelItem(r, items.get(r.itemId), run));
}

/** Tells each assignee (or, with none, everyone who may label) that items arrived; once per batch. */
export async function notifyNewItems(tx: Tx, queue: { id: string; projectId: string; name: string; assigneeIds: string[] }, added: number, projectSlug?: string) {
  if (added === 0) return;
  const body = `${added} new item${added === 1 ? "" : "s"} to label in "${queue.name}".`;
  const href = projectSlug ? `/p/${projectSlug}/labelling/${queue.id}` : undefined;
  const base = { projectId: queue.projectId, kind: "labelling.items", title: `Items to label: ${queue.name}`, body, ...(href ? { href } : {}) };
  if (queue.assigneeIds.length === 0) {
    await notify(tx, { ...base, roles: ["ADMIN", "ENGINEER", "REVIEWER"] });
    return;
  }
  for (const userId of queue.assigneeIds) await notify(tx, { ...base, userId });
}

export async function createLabelQueue(principal: Principal, input: TCreateLabelQueue): Promise<TLabelQueue> {
  assertCan(principal, "labels:manage");
  const assigneeIds = input.assigneeIds ?? [];
  await assertLabellers(principal.projectId, assigneeIds);
  const parsed = ZQueueSource.parse(input.source);
  const source: QueueSource = parsed.kind === "eval_run" ? { ...parsed, seed: parsed.seed ?? seedFrom(parsed.runId) } : parsed;
  const now = new Date();
  return db()
    .$transaction(
      async (tx) => {
        const version = await rubricVersionOrThrow(tx, principal.projectId, input.scoreConfigVersionId);
        const repeating = isRepeatingSource(source);
        const queue = await insertLabelQueue(tx, {
          projectId: principal.projectId, name: input.name, description: input.description || null, scoreConfigVersionId: version.id,
          annotatorsPerItem: input.annotatorsPerItem, assigneeIds, dueAt: input.dueAt ? new Date(input.dueAt) : null,
          adjudicationThreshold: input.adjudicationThreshold ?? 1, lockMinutes: input.lockMinutes ?? 30, source,
          // the first sample looks one cadence back, so a new queue has work as soon as the sweep runs
          nextSampleAt: repeating ? now : null,
          sampledUntil: repeating ? new Date(now.getTime() - source.cadenceMinutes * 60_000) : null,
          authorId: principal.kind === "user" ? principal.userId : null, authorLabel: principal.label,
        });
        const added = source.kind === "eval_run" ? await addLabelItems(tx, queue.id, await evalRunItems(tx, principal.projectId, source)) : 0;
        await appendAuditEvent(tx, {
          ...auditActor(principal), action: "label_queue.create", resourceType: "label_queue", resourceId: queue.id,
          after: {
            name: queue.name, scoreConfigVersionId: version.id, annotatorsPerItem: queue.annotatorsPerItem, assigneeIds,
            dueAt: iso(queue.dueAt), adjudicationThreshold: queue.adjudicationThreshold, lockMinutes: queue.lockMinutes, source, items: added,
          },
        });
        await notifyNewItems(tx, queue, added, await findProjectSlug(tx, principal.projectId));
        const counts = { open: added, needs_adjudication: 0, gold: 0 };
        return presentQueue(queue, counts, await userNames(assigneeIds));
      },
      { timeout: 60_000 },
    )
    .catch((err) => {
      if (isUniqueViolation(err)) throw new AppError("CONFLICT", `A queue named "${input.name}" already exists in this project.`);
      throw err;
    });
}

export async function listLabelQueues(principal: Principal, opts: { archived?: boolean } = {}): Promise<TLabelQueue[]> {
  assertCan(principal, "registry:read");
  const rows = await findLabelQueues(principal.projectId, !!opts.archived);
  const counts = await countItemsByStatus(db(), rows.map((r) => r.id));
  const names = await userNames([...new Set(rows.flatMap((r) => r.assigneeIds))]);
  return rows.map((r) => presentQueue(r, counts.get(r.id)!, names));
}

export async function getLabelQueue(principal: Principal, id: string): Promise<TLabelQueue> {
  assertCan(principal, "registry:read");
  const q = await findLabelQueue(db(), principal.projectId, id);
  if (!q) throw new AppError("NOT_FOUND", "No such labelling queue in this project.");
  const counts = await countItemsByStatus(db(), [q.id]);
  return presentQueue(q, counts.get(q.id)!, await userNames(q.assigneeIds));
}
