import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, type Principal } from "../authz/principal";
import type { RubricDimension } from "./rubric";
import type { TLabelItemView, TSlotView } from "./annotate-schemas";
import { assertPerson, queueOrThrow } from "./claims";
import { itemView, slotView } from "./claims-present";
import { findItem, findMySubmittedSlots, findSlot } from "./claims-repo";

// What the reviewer screen reads besides its claim: the rubric beside the item, and the labels I gave
// earlier in this queue (k goes back to them; they stay revisable while the item is open).

export interface ReviewContext {
  queue: { id: string; name: string; lockMinutes: number; guidelines: string; rubric: string; rubricVersion: number; dimensions: RubricDimension[]; archived: boolean };
  /** my submitted slots in this queue, newest first */
  history: { slotId: string; itemId: string }[];
}

export async function getReviewContext(principal: Principal, queueId: string): Promise<ReviewContext> {
  assertCan(principal, "labels:write");
  assertPerson(principal);
  const q = await queueOrThrow(db(), principal, queueId);
  const mine = await findMySubmittedSlots(principal.projectId, q.id, principal.userId);
  return {
    queue: {
      id: q.id, name: q.name, lockMinutes: q.lockMinutes, guidelines: q.scoreConfigVersion.guidelines, rubric: q.scoreConfigVersion.scoreConfig.name,
      rubricVersion: q.scoreConfigVersion.version, dimensions: q.dimensions, archived: !!q.archivedAt,
    },
    history: mine.map((s) => ({ slotId: s.id, itemId: s.itemId })),
  };
}

/** One of my slots with its item (to revisit a label I gave). */
export async function getMySlot(principal: Principal, slotId: string): Promise<{ slot: TSlotView; item: TLabelItemView; queueId: string }> {
  assertCan(principal, "labels:write");
  assertPerson(principal);
  const slot = await findSlot(db(), principal.projectId, slotId);
  if (!slot || slot.userId !== principal.userId) throw new AppError("NOT_FOUND", "No label of yours with that id in this project.");
  const item = (await findItem(db(), principal.projectId, slot.itemId))!;
  return { slot: slotView(slot), item: itemView(item), queueId: slot.queueId };
}
