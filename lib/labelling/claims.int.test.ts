import { describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError } from "../errors";
import { claimNext, skipSlot, submitLabel } from "./claims";
import { adjudicate, listAdjudicationCases } from "./adjudication";
import { getQueueAgreement, getQueueProgress } from "./progress";
import { addPerson, labellingSetup } from "./claims-test-fixtures";
import type { TLabelBody } from "./annotate-schemas";
import type { Principal } from "../authz/principal";

// Claims, labels, skips and adjudication against the real database: the guarantees of issue 7
// ("two reviewers never get the same slot"; bad input is a 4xx and nothing is written twice).

const label = (faithfulness: number, tone = "formal", extra: Partial<TLabelBody> = {}): TLabelBody => ({ scores: { faithfulness, tone }, tags: [], ...extra });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

const userOf = (p: Principal) => (p.kind === "user" ? p.userId : "");
const auditCount = (resourceId: string) => db().auditEvent.count({ where: { resourceId } });

describe("claims", () => {
  it("never hands one slot to two reviewers, nor two slots of one item to one reviewer", async () => {
    const s = await labellingSetup({ annotators: 2, items: 6 });
    const people = [s.admin, s.as("ENGINEER"), s.as("REVIEWER")];
    for (let n = 0; n < 3; n++) people.push(await addPerson(s.project.id, "REVIEWER", `reviewer-${n}`));

    const taken: { userId: string; slotId: string; itemId: string }[] = [];
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all(people.map((p) => claimNext(p, s.queue.id).then((r) => ({ p, r }))));
      for (const { p, r } of results) {
        expect(r.slot).not.toBeNull();
        taken.push({ userId: userOf(p), slotId: r.slot!.id, itemId: r.item!.id });
        // a claim held is not a label; submit so the next round claims anew
        await submitLabel(p, r.slot!.id, label(3));
      }
    }
    expect(new Set(taken.map((t) => t.slotId)).size).toBe(12);
    expect(new Set(taken.map((t) => `${t.itemId}:${t.userId}`)).size).toBe(12);
    // 12 slots, all taken: nothing left for anyone
    for (const p of people) expect((await claimNext(p, s.queue.id)).slot).toBeNull();
    expect(await db().labelItem.count({ where: { queueId: s.queue.id, status: "gold" } })).toBe(6);
  });

  it("gives back the claim I hold, then the next item, lowest position first", async () => {
    const s = await labellingSetup({ annotators: 1, items: 3 });
    const first = await claimNext(s.admin, s.queue.id);
    expect(first.item!.position).toBe(0);
    expect((await claimNext(s.admin, s.queue.id)).slot!.id).toBe(first.slot!.id);
    const other = await claimNext(s.as("REVIEWER"), s.queue.id);
    expect(other.item!.position).toBe(1);
  });

  it("refuses people outside the assignees, viewers and API keys", async () => {
    const s = await labellingSetup();
    await db().labelQueue.update({ where: { id: s.queue.id }, data: { assigneeIds: [userOf(s.as("REVIEWER"))] } });
    expect((await refusal(claimNext(s.admin, s.queue.id))).status).toBe(403);
    expect((await refusal(claimNext(s.as("VIEWER"), s.queue.id))).status).toBe(403);
    const key = { kind: "apiKey" as const, apiKeyId: "k", label: "key", projectId: s.project.id, scopes: ["labels:write"] };
    expect((await refusal(claimNext(key, s.queue.id))).message).toMatch(/person's work/);
    expect((await claimNext(s.as("REVIEWER"), s.queue.id)).slot).not.toBeNull();
  });
});

describe("submitting labels", () => {
  it("refuses a score outside the scale, someone else's claim and an expired lock — writing nothing", async () => {
    const s = await labellingSetup({ annotators: 2 });
    const reviewer = s.as("REVIEWER");
    const mine = await claimNext(reviewer, s.queue.id);
    const slotId = mine.slot!.id;
    const before = await auditCount(slotId);

    const outside = await refusal(submitLabel(reviewer, slotId, label(6)));
    expect(outside.status).toBe(422);
    expect(outside.message).toMatch(/whole number from 1 to 5/);
    expect((await refusal(submitLabel(reviewer, slotId, { scores: { faithfulness: 3, tone: "rude" }, tags: [] }))).status).toBe(422);
    expect((await refusal(submitLabel(reviewer, slotId, { scores: { faithfulness: 3 }, tags: [] }))).status).toBe(422);

    const theirs = await refusal(submitLabel(s.as("ENGINEER"), slotId, label(3)));
    expect(theirs.status).toBe(409);
    expect(theirs.message).toMatch(/claimed by someone else/);

    await db().labelSlot.update({ where: { id: slotId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await refusal(submitLabel(reviewer, slotId, label(3)));
    expect(expired.status).toBe(409);
    expect(expired.message).toMatch(/lock expired — claim again/);

    const slot = await db().labelSlot.findUniqueOrThrow({ where: { id: slotId } });
    expect(slot).toMatchObject({ status: "claimed", scores: null, submittedAt: null });
    expect(await auditCount(slotId)).toBe(before);

    // the expired slot goes to the next claimer, and the old holder cannot write over them
    const engineer = await claimNext(s.as("ENGINEER"), s.queue.id);
    expect(engineer.slot!.id).toBe(slotId);
    expect((await refusal(submitLabel(reviewer, slotId, label(3)))).message).toMatch(/claimed by someone else/);
  });

  it("a repeated submit revises the same slot; the last label decides the item", async () => {
    const s = await labellingSetup({ annotators: 2, items: 1 });
    const [a, b] = [s.as("ENGINEER"), s.admin];
    const ca = await claimNext(a, s.queue.id);
    await submitLabel(a, ca.slot!.id, label(2, "formal", { correction: "Fixed answer", tags: ["refund"] }));
    await submitLabel(a, ca.slot!.id, label(3, "formal", { correction: "Fixed answer", tags: ["refund"] }));
    expect(await db().labelSlot.count({ where: { itemId: ca.item!.id, status: "submitted" } })).toBe(1);
    expect((await db().labelSlot.findUniqueOrThrow({ where: { id: ca.slot!.id } })).scores).toEqual({ faithfulness: 3, tone: "formal" });

    const cb = await claimNext(b, s.queue.id);
    const done = await submitLabel(b, cb.slot!.id, label(4, "formal", { tags: ["billing"] }));
    expect(done.item).toMatchObject({ status: "gold", goldSource: "consensus" });
    const item = await db().labelItem.findUniqueOrThrow({ where: { id: ca.item!.id } });
    expect(item.gold).toEqual({ scores: { faithfulness: 4, tone: "formal" }, correction: "Fixed answer", tags: ["billing", "refund"] });
    // gold is final for annotators
    expect((await refusal(submitLabel(a, ca.slot!.id, label(5)))).status).toBe(409);
  });

  it("one annotator per item: the label is gold at once", async () => {
    const s = await labellingSetup({ annotators: 1, items: 1 });
    const c = await claimNext(s.as("REVIEWER"), s.queue.id);
    expect((await submitLabel(s.as("REVIEWER"), c.slot!.id, label(5))).item).toMatchObject({ status: "gold", goldSource: "single" });
  });

  it("skipping gives the slot back and never offers me that item again", async () => {
    const s = await labellingSetup({ annotators: 1, items: 2 });
    const r = s.as("REVIEWER");
    const first = await claimNext(r, s.queue.id);
    await skipSlot(r, first.slot!.id);
    const next = await claimNext(r, s.queue.id);
    expect(next.item!.id).not.toBe(first.item!.id);
    expect((await claimNext(s.admin, s.queue.id)).item!.id).toBe(first.item!.id);
    expect((await refusal(skipSlot(r, first.slot!.id))).status).toBe(409);
    const progress = await getQueueProgress(s.admin, s.queue.id);
    expect(progress.assignees.find((p) => p.userId === userOf(r))).toMatchObject({ skipped: 1, claimedNow: 1, submitted: 0 });
  });
});

describe("adjudication", () => {
  it("sends a disagreement to an adjudicator who did not label it; their label becomes gold", async () => {
    const s = await labellingSetup({ annotators: 2, items: 2, threshold: 1 });
    const [a, b, adjudicator] = [s.as("ENGINEER"), s.as("REVIEWER"), await addPerson(s.project.id, "REVIEWER", "adjudicator")];
    for (const [p, score] of [[a, 1], [b, 5], [a, 4], [b, 4]] as const) {
      const c = await claimNext(p, s.queue.id);
      await submitLabel(p, c.slot!.id, label(score));
    }
    const progress = await getQueueProgress(s.admin, s.queue.id);
    expect(progress.items).toEqual({ total: 2, open: 0, needsAdjudication: 1, gold: 1 });
    expect(progress.slots).toMatchObject({ total: 4, submitted: 4 });
    const agreement = await getQueueAgreement(s.admin, s.queue.id);
    expect(agreement.find((d) => d.dimension === "faithfulness")).toMatchObject({ metric: "interval", units: 2, values: 4 });
    expect(agreement.find((d) => d.dimension === "tone")).toMatchObject({ metric: "nominal", alpha: null, units: 2 });

    const notes = await db().notification.findMany({ where: { projectId: s.project.id, kind: "labelling.needs_adjudication" } });
    expect(notes).toHaveLength(1);
    expect(notes[0].roles.sort()).toEqual(["ADMIN", "REVIEWER"]);

    const [dispute] = await listAdjudicationCases(adjudicator, s.queue.id);
    expect(dispute.labels.map((l) => l.scores.faithfulness).sort()).toEqual([1, 5]);
    expect(dispute.suggestion.scores).toEqual({ faithfulness: 3, tone: "formal" });
    expect(dispute.disagreements.map((d) => d.dimension)).toEqual(["faithfulness"]);

    const own = await refusal(adjudicate(b, dispute.item.id, label(2)));
    expect(own.status).toBe(403);
    expect(own.message).toMatch(/You labelled this item/);
    expect((await refusal(adjudicate(s.as("ENGINEER"), dispute.item.id, label(2)))).status).toBe(403); // no labels:adjudicate
    expect((await refusal(adjudicate(adjudicator, dispute.item.id, label(0)))).status).toBe(422);
    expect((await db().labelItem.findUniqueOrThrow({ where: { id: dispute.item.id } })).status).toBe("needs_adjudication");

    const decided = await adjudicate(adjudicator, dispute.item.id, label(2, "casual", { correction: "The adjudicated answer", tags: ["hard"] }));
    expect(decided).toMatchObject({ status: "gold", goldSource: "adjudication" });
    const item = await db().labelItem.findUniqueOrThrow({ where: { id: dispute.item.id } });
    expect(item).toMatchObject({ status: "gold", goldById: adjudicator.userId, gold: { scores: { faithfulness: 2, tone: "casual" }, correction: "The adjudicated answer", tags: ["hard"] } });
    expect((await refusal(adjudicate(adjudicator, dispute.item.id, label(3)))).status).toBe(409);
    expect(await db().auditEvent.count({ where: { resourceId: dispute.item.id, action: "label_item.adjudicate" } })).toBe(1);
  });
});
