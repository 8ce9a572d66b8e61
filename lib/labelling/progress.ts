import { db } from "../db";
import { assertCan, type Principal } from "../authz/principal";
import { agreementMetricOf, type LabelScores } from "./rubric";
import { krippendorffAlpha } from "./agreement";
import type { TAgreement, TQueueProgress } from "./annotate-schemas";
import { queueOrThrow } from "./claims";
import { findQueueItemStates, findQueueSlots, findUserNames } from "./claims-repo";

// How far a queue has come (issue 7, "progress per assignee and per queue") and how well its
// annotators agree ("Inter-annotator agreement per queue and dimension … shown with sample size").

/** Below this many pairable items an alpha says little; the console says so beside the figure. */
export const SMALL_AGREEMENT_SAMPLE = 10;

export async function getQueueProgress(principal: Principal, queueId: string): Promise<TQueueProgress> {
  assertCan(principal, "registry:read");
  const q = await queueOrThrow(db(), principal, queueId);
  const [items, slots] = await Promise.all([findQueueItemStates(principal.projectId, q.id), findQueueSlots(principal.projectId, q.id)]);
  const now = new Date();
  const live = (s: (typeof slots)[number]) => s.status === "claimed" && !!s.expiresAt && s.expiresAt > now;

  const people = new Map<string, { label: string | null; submitted: number; claimedNow: number; skipped: number }>();
  const person = (id: string) => {
    if (!people.has(id)) people.set(id, { label: null, submitted: 0, claimedNow: 0, skipped: 0 });
    return people.get(id)!;
  };
  for (const id of q.assigneeIds) person(id);
  for (const s of slots) {
    if (!s.userId) continue;
    const p = person(s.userId);
    p.label ??= s.userLabel;
    if (s.status === "submitted") p.submitted++;
    else if (live(s)) p.claimedNow++;
  }
  for (const i of items) for (const id of i.skippedBy ?? []) person(id).skipped++;
  const names = new Map((await findUserNames([...people.keys()])).map((u) => [u.id, u.name || u.email]));

  const count = (status: string) => items.filter((i) => i.status === status).length;
  return {
    items: { total: items.length, open: count("open"), needsAdjudication: count("needs_adjudication"), gold: count("gold") },
    slots: { total: slots.length, submitted: slots.filter((s) => s.status === "submitted").length, claimedNow: slots.filter(live).length },
    assignees: [...people.entries()]
      .map(([userId, p]) => ({ userId, label: names.get(userId) ?? p.label ?? "former member", submitted: p.submitted, claimedNow: p.claimedNow, skipped: p.skipped }))
      .sort((a, b) => b.submitted - a.submitted || a.label.localeCompare(b.label)),
  };
}

/**
 * Krippendorff's alpha per rubric dimension over the items with at least two submitted labels
 * (interval distance on scales, nominal elsewhere), with the number of items and labels it rests on.
 */
export async function getQueueAgreement(principal: Principal, queueId: string): Promise<TAgreement[]> {
  assertCan(principal, "registry:read");
  const q = await queueOrThrow(db(), principal, queueId);
  const slots = await findQueueSlots(principal.projectId, q.id);
  const byItem = new Map<string, LabelScores[]>();
  for (const s of slots) {
    if (s.status !== "submitted" || !s.scores) continue;
    byItem.set(s.itemId, [...(byItem.get(s.itemId) ?? []), s.scores as LabelScores]);
  }
  const labelled = [...byItem.values()];
  return q.dimensions.map((d) => {
    const metric = agreementMetricOf(d);
    const result = krippendorffAlpha(labelled.map((labels) => labels.map((l) => l[d.name] ?? null)), metric);
    return { dimension: d.name, metric, alpha: result.alpha, units: result.units, values: result.values };
  });
}
