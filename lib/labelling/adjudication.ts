import { db, type Prisma } from "../db";
import { AppError } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { labelScoresProblem, type GoldLabel, type LabelScores } from "./rubric";
import { consensusLabel, disagreementsOf, type Disagreement } from "./outcome";
import type { TLabelBody, TLabelItemView } from "./annotate-schemas";
import { assertPerson, queueOrThrow } from "./claims";
import { itemView } from "./claims-present";
import { findItem, findItemsNeedingAdjudication, lockItem, findItemSlots } from "./claims-repo";

// Adjudication (issue 7): an item whose annotators disagree beyond the queue's threshold gets its gold
// label from someone who did not label it — an annotator deciding their own dispute is no tie-break.

export interface AdjudicationCase {
  item: TLabelItemView;
  labels: { userId: string; userLabel: string; scores: LabelScores; correction: string | null; tags: string[]; submittedAt: string }[];
  disagreements: Disagreement[];
  /** the adjudicator's starting point: the median on scales, the earliest correction, every tag */
  suggestion: GoldLabel;
}

/** The items of a queue waiting for adjudication, in queue order, each annotator's label side by side. */
export async function listAdjudicationCases(principal: Principal, queueId: string, take = 50): Promise<AdjudicationCase[]> {
  assertCan(principal, "labels:adjudicate");
  const q = await queueOrThrow(db(), principal, queueId);
  const items = await findItemsNeedingAdjudication(principal.projectId, q.id, take);
  return items.map((i) => {
    const labels = i.slots
      .filter((s) => s.status === "submitted")
      .map((s) => ({ userId: s.userId!, userLabel: s.userLabel ?? "unknown", scores: s.scores as LabelScores, correction: s.correction, tags: s.tags ?? [], submittedAt: s.submittedAt! }));
    return {
      item: itemView(i),
      labels: labels.map((l) => ({ ...l, submittedAt: l.submittedAt.toISOString() })),
      disagreements: disagreementsOf(q.dimensions, q.adjudicationThreshold, labels),
      suggestion: consensusLabel(q.dimensions, labels),
    };
  });
}

/** Records the adjudicator's decision as the item's gold label. */
export async function adjudicate(principal: Principal, itemId: string, input: TLabelBody) {
  assertCan(principal, "labels:adjudicate");
  assertPerson(principal, "Adjudication");
  return db().$transaction(async (tx) => {
    const found = await findItem(tx, principal.projectId, itemId);
    if (!found) throw new AppError("NOT_FOUND", `No label item "${itemId}" in this project.`);
    const item = (await lockItem(tx, principal.projectId, itemId))!;
    const q = await queueOrThrow(tx, principal, item.queueId);
    const problem = labelScoresProblem(q.dimensions, input.scores);
    if (problem) throw new AppError("VALIDATION", `The gold label is invalid — ${problem}.`, [{ field: "scores", message: problem }]);
    if (item.status !== "needs_adjudication") {
      throw new AppError("CONFLICT", item.status === "gold" ? "This item already has its gold label." : "This item is still being labelled; only disputed items are adjudicated.");
    }
    const slots = await findItemSlots(tx, item.id);
    if (slots.some((s) => s.userId === principal.userId)) {
      throw new AppError("FORBIDDEN", "You labelled this item, so you cannot adjudicate it: someone who did not label it must decide.");
    }
    const gold: GoldLabel = { scores: input.scores, correction: input.correction?.trim() || null, tags: [...new Set(input.tags)].sort() };
    const now = new Date();
    await tx.labelItem.update({
      where: { id: item.id },
      data: { status: "gold", gold: gold as unknown as Prisma.InputJsonValue, goldSource: "adjudication", goldById: principal.userId, goldByLabel: principal.label, goldAt: now },
    });
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: "label_item.adjudicate", resourceType: "labelItem", resourceId: item.id,
      before: { status: item.status, labels: slots.map((s) => ({ userId: s.userId, scores: s.scores })) },
      after: { queueId: q.id, gold, goldSource: "adjudication" },
    });
    return { id: item.id, status: "gold" as const, gold, goldSource: "adjudication" as const };
  });
}
