import type { Prisma } from "../generated/prisma/client";
import { db, type Tx } from "../db";
import { ROLE_PERMISSIONS, ROLES } from "../authz/permissions";

// Prisma access of rubrics and queues (and the rows the samplers read). Every query is scoped by
// project. Items enter a queue only through add-items.ts.

// ---------------------------------------------------------------------------------------------
// Rubrics

const versionsDesc = { versions: { orderBy: { version: "desc" } } } as const;
const latestOnly = { versions: { orderBy: { version: "desc" }, take: 1 } } as const;

export function insertScoreConfig(tx: Tx, data: { projectId: string; name: string; description: string | null }) {
  return tx.scoreConfig.create({ data });
}

export function insertScoreConfigVersion(tx: Tx, data: Prisma.ScoreConfigVersionUncheckedCreateInput) {
  return tx.scoreConfigVersion.create({ data });
}

/** Serialises version writers of one rubric until the transaction ends, so version numbers never collide. */
export async function lockScoreConfig(tx: Tx, projectId: string, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from "ScoreConfig" where id = ${id} and "projectId" = ${projectId} for update`;
  return rows.length > 0;
}

export function findLatestScoreConfigVersion(tx: Tx, scoreConfigId: string) {
  return tx.scoreConfigVersion.findFirst({ where: { scoreConfigId }, orderBy: { version: "desc" } });
}

export function touchScoreConfig(tx: Tx, id: string) {
  return tx.scoreConfig.update({ where: { id }, data: { updatedAt: new Date() } });
}

export function findScoreConfigs(projectId: string) {
  return db().scoreConfig.findMany({ where: { projectId }, orderBy: [{ updatedAt: "desc" }, { name: "asc" }], take: 500, include: latestOnly });
}

export function findScoreConfigWithVersions(projectId: string, id: string) {
  return db().scoreConfig.findFirst({ where: { projectId, id }, include: versionsDesc });
}

export function findRubricVersionChoices(projectId: string) {
  return db().scoreConfig.findMany({
    where: { projectId }, orderBy: { name: "asc" }, take: 500,
    select: { id: true, name: true, versions: { orderBy: { version: "desc" }, select: { id: true, version: true } } },
  });
}

export function findScoreConfigVersion(tx: Tx, projectId: string, id: string) {
  return tx.scoreConfigVersion.findFirst({ where: { projectId, id }, include: { scoreConfig: { select: { id: true, name: true } } } });
}

// ---------------------------------------------------------------------------------------------
// Queues

const queueInclude = { scoreConfigVersion: { select: { version: true, scoreConfig: { select: { id: true, name: true } } } } } as const;
export type QueueRow = Prisma.LabelQueueGetPayload<{ include: typeof queueInclude }>;

export function insertLabelQueue(tx: Tx, data: Prisma.LabelQueueUncheckedCreateInput) {
  return tx.labelQueue.create({ data, include: queueInclude });
}

export function findLabelQueues(projectId: string, archived: boolean) {
  return db().labelQueue.findMany({
    where: { projectId, archivedAt: archived ? { not: null } : null },
    orderBy: [{ createdAt: "desc" }],
    take: 500,
    include: queueInclude,
  });
}

export function findLabelQueue(tx: Tx, projectId: string, id: string) {
  return tx.labelQueue.findFirst({ where: { projectId, id }, include: queueInclude });
}

/** Holds the queue row until the transaction ends (settings changes against concurrent adders). */
export async function lockLabelQueue(tx: Tx, projectId: string, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from "LabelQueue" where id = ${id} and "projectId" = ${projectId} for update`;
  return rows.length > 0;
}

export function updateLabelQueueRow(tx: Tx, id: string, data: Prisma.LabelQueueUncheckedUpdateInput) {
  return tx.labelQueue.update({ where: { id }, data, include: queueInclude });
}

/** Items per status for each queue, one query for a whole list. */
export async function countItemsByStatus(tx: Tx, queueIds: string[]) {
  const rows = await tx.labelItem.groupBy({ by: ["queueId", "status"], where: { queueId: { in: queueIds } }, _count: { _all: true } });
  const out = new Map<string, { open: number; needs_adjudication: number; gold: number }>();
  for (const id of queueIds) out.set(id, { open: 0, needs_adjudication: 0, gold: 0 });
  for (const r of rows) out.get(r.queueId)![r.status] = r._count._all;
  return out;
}

/** The most submitted labels on any item of the queue that is not yet gold. */
export async function maxSubmittedPerOpenItem(tx: Tx, queueId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: bigint | null }[]>`
    select max(c) as n from (
      select count(*) as c from "LabelSlot" s join "LabelItem" i on i.id = s."itemId"
      where s."queueId" = ${queueId} and s.status = 'submitted' and i.status <> 'gold'
      group by s."itemId") t`;
  return Number(row?.n ?? 0);
}

export function countSubmittedSlots(tx: Tx, queueId: string) {
  return tx.labelSlot.count({ where: { queueId, status: "submitted" } });
}

/** Adds slots up to `count` to every item of the queue that is not gold (existing slots stay). */
export async function growSlots(tx: Tx, projectId: string, queueId: string, count: number) {
  const slots = await tx.labelSlot.findMany({ where: { queueId, item: { status: { not: "gold" } } }, select: { itemId: true, slot: true } });
  const items = await tx.labelItem.findMany({ where: { queueId, status: { not: "gold" } }, select: { id: true } });
  const have = new Map(items.map((i) => [i.id, { n: 0, top: -1 }]));
  for (const s of slots) {
    const h = have.get(s.itemId)!;
    h.n += 1;
    h.top = Math.max(h.top, s.slot);
  }
  // slot numbers may have gaps after a decrease: new ones go above the highest
  const data = [...have].flatMap(([itemId, h]) =>
    Array.from({ length: Math.max(0, count - h.n) }, (_, n) => ({ projectId, queueId, itemId, slot: h.top + 1 + n })),
  );
  if (data.length) {
    await tx.labelSlot.createMany({ data });
    // an item waiting for adjudication has open places again: more labels may settle it
    await tx.labelItem.updateMany({ where: { queueId, status: "needs_adjudication" }, data: { status: "open" } });
  }
  return data.length;
}

/**
 * Leaves at most `count` slots on every item not yet gold: submitted slots stay, open ones go before
 * claimed ones. Returns the ids of items whose slots are now all submitted (their outcome is due).
 */
export async function shrinkSlots(tx: Tx, queueId: string, count: number) {
  const slots = await tx.labelSlot.findMany({
    where: { queueId, item: { status: { not: "gold" } } },
    select: { id: true, itemId: true, status: true, slot: true },
    orderBy: [{ itemId: "asc" }, { slot: "asc" }],
  });
  const byItem = new Map<string, typeof slots>();
  for (const s of slots) byItem.set(s.itemId, [...(byItem.get(s.itemId) ?? []), s]);
  const rank = { submitted: 0, claimed: 1, open: 2 } as const;
  const drop: string[] = [];
  const complete: string[] = [];
  for (const [itemId, list] of byItem) {
    const keep = [...list].sort((a, b) => rank[a.status] - rank[b.status] || a.slot - b.slot);
    drop.push(...keep.slice(count).map((s) => s.id));
    const kept = keep.slice(0, count);
    if (list.length > count && kept.every((s) => s.status === "submitted")) complete.push(itemId);
  }
  if (drop.length) await tx.labelSlot.deleteMany({ where: { id: { in: drop } } });
  return { removed: drop.length, complete };
}

export function findVersionDimensions(tx: Tx, id: string) {
  return tx.scoreConfigVersion.findUniqueOrThrow({ where: { id }, select: { dimensions: true } });
}

export async function findProjectSlug(tx: Tx, projectId: string) {
  return (await tx.project.findUnique({ where: { id: projectId }, select: { slug: true } }))?.slug;
}

// ---------------------------------------------------------------------------------------------
// People

const LABELLER_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].has("labels:write"));

/** Members of the project allowed to label, by name. */
export function findLabellers(projectId: string, userIds?: string[]) {
  return db().membership.findMany({
    where: { projectId, role: { in: LABELLER_ROLES }, user: { disabledAt: null }, ...(userIds ? { userId: { in: userIds } } : {}) },
    select: { userId: true, role: true, user: { select: { name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
}

export async function userNames(userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const users = await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

// ---------------------------------------------------------------------------------------------
// Eval run sources

export function findEvalRunForQueue(tx: Tx, projectId: string, runId: string) {
  return tx.evalRun.findFirst({
    where: { projectId, id: runId },
    select: { id: true, name: true, status: true, config: true, judgeModelVersionId: true, judgePromptVersionId: true, datasetVersionId: true },
  });
}

/** A run's completed results with output, and the dataset items they answered. */
export async function findRunResultsForLabelling(tx: Tx, projectId: string, runId: string, datasetVersionId: string) {
  const results = await tx.evalResult.findMany({
    where: { projectId, runId, status: "ok", output: { not: null } },
    select: { id: true, itemId: true, itemKey: true, itemPosition: true, repeat: true, language: true, output: true, context: true, scores: true },
    orderBy: [{ itemPosition: "asc" }, { repeat: "asc" }],
  });
  const items = await tx.datasetItem.findMany({
    where: { projectId, datasetVersionId, id: { in: [...new Set(results.map((r) => r.itemId))] } },
    select: { id: true, inputs: true, reference: true },
  });
  return { results, items: new Map(items.map((i) => [i.id, i])) };
}
