import { db, type Prisma, type Tx } from "../db";
import { AppError } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { ROLES, roleCan } from "../authz/permissions";
import { notify } from "../notifications/service";
import { labelScoresProblem, parseDimensions, type LabelScores, type RubricDimension } from "./rubric";
import { decideOutcome, type SubmittedLabel } from "./outcome";
import type { TClaimResult, TLabelBody, TSubmitResult } from "./annotate-schemas";
import { itemView, slotView } from "./claims-present";
import {
  claimNextSlot, findItem, findItemSlots, findMyLiveClaim, findQueueWithRubric, findSlot, lockItem, lockSlot, type LabelItemRow,
} from "./claims-repo";

// A reviewer's side of a labelling queue (issue 7, "Reviewer screen"): claim the next slot, submit
// (or revise) a label, skip. A claim holds a slot for queue.lockMinutes; past that anyone may take it,
// and the old holder's submit is refused (409) rather than silently overwriting the new holder's work.

export type Person = Extract<Principal, { kind: "user" }>;

export function assertPerson(principal: Principal, what = "Labelling"): asserts principal is Person {
  if (principal.kind !== "user") throw new AppError("FORBIDDEN", `${what} is a person's work: sign in to do it (API keys cannot label).`);
}

export async function queueOrThrow(client: Tx | ReturnType<typeof db>, principal: Principal, queueId: string) {
  const q = await findQueueWithRubric(client, principal.projectId, queueId);
  if (!q) throw new AppError("NOT_FOUND", `No labelling queue "${queueId}" in this project.`);
  return { ...q, dimensions: parseDimensions(q.scoreConfigVersion.dimensions) };
}

function assertAssignee(principal: Person, q: { assigneeIds: string[]; name: string }) {
  if (q.assigneeIds.length && !q.assigneeIds.includes(principal.userId)) {
    throw new AppError("FORBIDDEN", `You are not an assignee of queue "${q.name}"; ask whoever manages it to add you.`);
  }
}

/** Claims the next slot for me, or returns the one I already hold; slot null when nothing is left for me. */
export async function claimNext(principal: Principal, queueId: string): Promise<TClaimResult & { created: boolean }> {
  assertCan(principal, "labels:write");
  assertPerson(principal);
  const q = await queueOrThrow(db(), principal, queueId);
  assertAssignee(principal, q);
  if (q.archivedAt) throw new AppError("CONFLICT", `Queue "${q.name}" is archived; nothing can be claimed from it.`);
  return db().$transaction(async (tx) => {
    const held = await findMyLiveClaim(tx, principal.projectId, q.id, principal.userId);
    if (held) {
      const item = (await findItem(tx, principal.projectId, held.itemId))!;
      return { slot: slotView(held), item: itemView(item), created: false };
    }
    const slotId = await claimNextSlot(tx, { projectId: principal.projectId, queueId: q.id, userId: principal.userId, userLabel: principal.label, lockMinutes: q.lockMinutes });
    if (!slotId) return { slot: null, created: false };
    const slot = (await findSlot(tx, principal.projectId, slotId))!;
    const item = (await findItem(tx, principal.projectId, slot.itemId))!;
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: "label.claim", resourceType: "labelSlot", resourceId: slot.id,
      after: { queueId: q.id, itemId: item.id, position: item.position, expiresAt: slot.expiresAt },
    });
    return { slot: slotView(slot), item: itemView(item), created: true };
  });
}

/** The slot and item, locked, after the checks every change to a slot needs. */
async function lockMySlot(tx: Tx, principal: Person, slotId: string) {
  const peek = await findSlot(tx, principal.projectId, slotId);
  if (!peek) throw new AppError("NOT_FOUND", `No label slot "${slotId}" in this project.`);
  const item = (await lockItem(tx, principal.projectId, peek.itemId))!;
  const slot = (await lockSlot(tx, principal.projectId, slotId))!;
  if (slot.userId !== principal.userId) {
    throw new AppError("CONFLICT", slot.userId ? "This item is claimed by someone else; claim the next one." : "This slot is not claimed by you; claim an item first.");
  }
  if (slot.status === "claimed" && slot.expiresAt && slot.expiresAt <= new Date()) {
    throw new AppError("CONFLICT", "Your lock expired — claim again. (Another reviewer may have taken the item meanwhile.)");
  }
  if (item.status !== "open") {
    throw new AppError("CONFLICT", item.status === "gold" ? "This item already has its gold label; its labels can no longer change." : "This item is waiting for adjudication; its labels can no longer change.");
  }
  return { slot, item };
}

/** Submits my label on a slot I hold (or revises one I submitted while the item is still open). */
export async function submitLabel(principal: Principal, slotId: string, input: TLabelBody): Promise<TSubmitResult> {
  assertCan(principal, "labels:write");
  assertPerson(principal);
  return db().$transaction(async (tx) => {
    const { slot, item } = await lockMySlot(tx, principal, slotId);
    const q = await queueOrThrow(tx, principal, slot.queueId);
    const problem = labelScoresProblem(q.dimensions, input.scores);
    if (problem) throw new AppError("VALIDATION", `The label is invalid — ${problem}.`, [{ field: "scores", message: problem }]);
    const revising = slot.status === "submitted";
    const data = {
      status: "submitted" as const, scores: input.scores as Prisma.InputJsonValue, correction: input.correction?.trim() || null,
      tags: [...new Set(input.tags)].sort(), submittedAt: slot.submittedAt ?? new Date(), expiresAt: null,
    };
    const saved = await tx.labelSlot.update({ where: { id: slot.id }, data });
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: revising ? "label.revise" : "label.submit", resourceType: "labelSlot", resourceId: slot.id,
      before: revising ? { scores: slot.scores, correction: slot.correction, tags: slot.tags } : null,
      after: { queueId: q.id, itemId: item.id, scores: data.scores, correction: data.correction, tags: data.tags },
    });
    const decided = await settleItemIfComplete(tx, principal, q, item);
    return { slot: slotView(saved), item: { id: item.id, status: decided?.status ?? item.status, goldSource: decided?.goldSource ?? null } };
  });
}

/** What settling an item needs of its queue. */
export interface SettlingQueue {
  id: string;
  name: string;
  adjudicationThreshold: number;
  dimensions: RubricDimension[];
}

/**
 * When every slot of the item is submitted: gold by consensus, or to adjudication with a notification
 * to the adjudicators. The last label arriving settles an item, and so does a queue lowering its
 * annotators per item (`reason` says so in the audit event).
 */
export async function settleItemIfComplete(tx: Tx, principal: Principal, q: SettlingQueue, item: { id: string; position: number }, reason?: string) {
  const slots = await findItemSlots(tx, item.id);
  if (slots.some((s) => s.status !== "submitted")) return null;
  const labels: SubmittedLabel[] = slots.map((s) => ({
    userId: s.userId!, scores: s.scores as LabelScores, correction: s.correction, tags: s.tags ?? [], submittedAt: s.submittedAt!,
  }));
  const outcome = decideOutcome(q.dimensions, q.adjudicationThreshold, labels);
  const why = reason ? { reason } : {};
  if (outcome.kind === "gold") {
    await tx.labelItem.update({
      where: { id: item.id },
      data: { status: "gold", gold: outcome.gold as unknown as Prisma.InputJsonValue, goldSource: outcome.source, goldAt: new Date() },
    });
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: "label_item.gold", resourceType: "labelItem", resourceId: item.id,
      after: { queueId: q.id, ...why, goldSource: outcome.source, gold: outcome.gold },
    });
    return { status: "gold" as const, goldSource: outcome.source };
  }
  await tx.labelItem.update({ where: { id: item.id }, data: { status: "needs_adjudication" } });
  await appendAuditEvent(tx, {
    ...auditActor(principal), action: "label_item.needs_adjudication", resourceType: "labelItem", resourceId: item.id,
    after: { queueId: q.id, ...why, disagreements: outcome.disagreements },
  });
  const slug = (await tx.project.findUniqueOrThrow({ where: { id: principal.projectId }, select: { slug: true } })).slug;
  await notify(tx, {
    projectId: principal.projectId, kind: "labelling.needs_adjudication",
    title: `Annotators disagree on item #${item.position + 1} of "${q.name}"`,
    body: outcome.disagreements.map((d) => `${d.dimension}: ${d.reason}`).join("; ").slice(0, 2000),
    href: `/p/${slug}/labelling/${q.id}/adjudicate`,
    roles: ROLES.filter((r) => roleCan(r, "labels:adjudicate")),
  });
  return { status: "needs_adjudication" as const, goldSource: null };
}

/** Gives a claimed slot back and never offers me the item again. */
export async function skipSlot(principal: Principal, slotId: string): Promise<{ skipped: true; itemId: string }> {
  assertCan(principal, "labels:write");
  assertPerson(principal);
  return db().$transaction(async (tx) => {
    const peek = await findSlot(tx, principal.projectId, slotId);
    if (!peek) throw new AppError("NOT_FOUND", `No label slot "${slotId}" in this project.`);
    const item = (await lockItem(tx, principal.projectId, peek.itemId))!;
    const slot = (await lockSlot(tx, principal.projectId, slotId))!;
    if (slot.userId !== principal.userId) throw new AppError("CONFLICT", slot.userId ? "This item is claimed by someone else." : "This slot is not claimed by you.");
    if (slot.status === "submitted") throw new AppError("CONFLICT", "You already labelled this item; revise your label instead of skipping.");
    await tx.labelSlot.update({ where: { id: slot.id }, data: { status: "open", userId: null, userLabel: null, claimedAt: null, expiresAt: null } });
    // skippedBy is NULL (not empty) on items added without it
    if (!(item.skippedBy ?? []).includes(principal.userId)) {
      await tx.labelItem.update({ where: { id: item.id }, data: { skippedBy: [...(item.skippedBy ?? []), principal.userId] } });
    }
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: "label.skip", resourceType: "labelSlot", resourceId: slot.id, after: { queueId: slot.queueId, itemId: item.id },
    });
    return { skipped: true as const, itemId: item.id };
  });
}
