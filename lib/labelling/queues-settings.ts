import type { Prisma } from "../generated/prisma/client";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { settleItemIfComplete } from "./claims";
import { parseDimensions } from "./rubric";
import { ZQueueSource, isRepeatingSource, type QueueSource } from "./sources";
import { assertLabellers, presentQueue, rubricVersionOrThrow } from "./queues";
import {
  countItemsByStatus, countSubmittedSlots, findLabelQueue, findVersionDimensions, growSlots, lockLabelQueue, maxSubmittedPerOpenItem,
  shrinkSlots, updateLabelQueueRow, userNames,
} from "./repo";
import type { TLabelQueue, TUpdateLabelQueue } from "./schemas";

// A queue's settings (issue 7, "Settings per queue"). More annotators per item gives every item not yet
// gold the extra places; fewer is refused when an item already holds more labels than that, since a
// label is a person's word and is never thrown away. The rubric version can change only before anyone
// has labelled: labels on two versions would not be comparable.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function sourceChange(source: QueueSource, input: TUpdateLabelQueue): QueueSource | null {
  const { cadenceMinutes, ratePercent, maxPerRun } = input;
  if (cadenceMinutes === undefined && ratePercent === undefined && maxPerRun === undefined) return null;
  if (!isRepeatingSource(source)) {
    throw new AppError("VALIDATION", "An eval run queue takes its items once; it has no cadence, rate or cap.", [
      { field: cadenceMinutes !== undefined ? "cadenceMinutes" : ratePercent !== undefined ? "ratePercent" : "maxPerRun", message: "only for traces and feedback sources" },
    ]);
  }
  if (ratePercent !== undefined && source.kind !== "traces") {
    throw new AppError("VALIDATION", "A feedback source takes every negative-feedback trace; it has no rate.", [{ field: "ratePercent", message: "only for traces sources" }]);
  }
  return ZQueueSource.parse({
    ...source, ...(cadenceMinutes !== undefined ? { cadenceMinutes } : {}), ...(maxPerRun !== undefined ? { maxPerRun } : {}),
    ...(ratePercent !== undefined ? { ratePercent } : {}),
  });
}

export async function updateLabelQueue(principal: Principal, id: string, input: TUpdateLabelQueue): Promise<TLabelQueue> {
  assertCan(principal, "labels:manage");
  if (input.assigneeIds) await assertLabellers(principal.projectId, input.assigneeIds);
  return db().$transaction(async (tx) => {
    if (!(await lockLabelQueue(tx, principal.projectId, id))) throw new AppError("NOT_FOUND", "No such labelling queue in this project.");
    const q = (await findLabelQueue(tx, principal.projectId, id))!;
    const source = ZQueueSource.parse(q.source);
    const data: Prisma.LabelQueueUncheckedUpdateInput = {};
    if (input.name !== undefined) data.name = input.name;
    if (input.description !== undefined) data.description = input.description || null;
    if (input.assigneeIds !== undefined) data.assigneeIds = input.assigneeIds;
    if (input.dueAt !== undefined) data.dueAt = input.dueAt ? new Date(input.dueAt) : null;
    if (input.adjudicationThreshold !== undefined) data.adjudicationThreshold = input.adjudicationThreshold;
    if (input.lockMinutes !== undefined) data.lockMinutes = input.lockMinutes;
    const nextSource = sourceChange(source, input);
    if (nextSource) data.source = nextSource;

    if (input.scoreConfigVersionId !== undefined && input.scoreConfigVersionId !== q.scoreConfigVersionId) {
      const v = await rubricVersionOrThrow(tx, principal.projectId, input.scoreConfigVersionId);
      if ((await countSubmittedSlots(tx, q.id)) > 0) throw new AppError("CONFLICT", "People have already labelled in this queue; its rubric version can no longer change. Make a new queue.");
      data.scoreConfigVersionId = v.id;
    }

    if (input.archived !== undefined && input.archived !== (q.archivedAt !== null)) {
      data.archivedAt = input.archived ? new Date() : null;
      // an archived queue is not sampled; unarchiving resumes at once from the old watermark
      data.nextSampleAt = input.archived || !isRepeatingSource(source) ? null : new Date();
    }

    let settle: string[] = [];
    const n = input.annotatorsPerItem;
    if (n !== undefined && n !== q.annotatorsPerItem) {
      data.annotatorsPerItem = n;
      if (n > q.annotatorsPerItem) {
        await growSlots(tx, principal.projectId, q.id, n);
      } else {
        const most = await maxSubmittedPerOpenItem(tx, q.id);
        if (most > n) throw new AppError("CONFLICT", `An item already has ${most} labels; annotators per item cannot go below ${most}.`);
        settle = (await shrinkSlots(tx, q.id, n)).complete;
      }
    }

    const updated = await updateLabelQueueRow(tx, q.id, data);
    if (settle.length) {
      // items whose remaining slots are now all submitted get their outcome, as if the last label had just arrived
      const version = await findVersionDimensions(tx, updated.scoreConfigVersionId);
      const settling = { id: q.id, name: updated.name, adjudicationThreshold: updated.adjudicationThreshold, dimensions: parseDimensions(version.dimensions) };
      for (const item of await tx.labelItem.findMany({ where: { id: { in: settle } }, select: { id: true, position: true } })) {
        await settleItemIfComplete(tx, principal, settling, item, "annotators per item lowered");
      }
    }
    const shape = (r: typeof q) => ({
      name: r.name, description: r.description, scoreConfigVersionId: r.scoreConfigVersionId, annotatorsPerItem: r.annotatorsPerItem,
      assigneeIds: r.assigneeIds, dueAt: iso(r.dueAt), adjudicationThreshold: r.adjudicationThreshold, lockMinutes: r.lockMinutes,
      source: r.source, archivedAt: iso(r.archivedAt),
    });
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: input.archived === true ? "label_queue.archive" : "label_queue.update", resourceType: "label_queue", resourceId: q.id,
      before: shape(q), after: shape(updated),
    });
    const counts = await countItemsByStatus(tx, [q.id]);
    return presentQueue(updated, counts.get(q.id)!, await userNames(updated.assigneeIds));
  });
}
