import { db, type Db, type Tx } from "../db";

// The labelling queries of claims, submissions, adjudication, progress and export: every one scoped by
// project. Locks are taken item first, then slot, everywhere, so two submitters never deadlock.

export type LabelItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;
export type LabelSlotRow = NonNullable<Awaited<ReturnType<typeof findSlot>>>;

/** The queue with the rubric version its labels are checked against. */
export function findQueueWithRubric(client: Tx | Db, projectId: string, queueId: string) {
  return client.labelQueue.findFirst({
    where: { id: queueId, projectId },
    include: { scoreConfigVersion: { select: { id: true, version: true, dimensions: true, guidelines: true, scoreConfig: { select: { id: true, name: true } } } } },
  });
}

export function findItem(client: Tx | Db, projectId: string, itemId: string) {
  return client.labelItem.findFirst({ where: { id: itemId, projectId } });
}

export function findSlot(client: Tx | Db, projectId: string, slotId: string) {
  return client.labelSlot.findFirst({ where: { id: slotId, projectId } });
}

export async function lockItem(tx: Tx, projectId: string, itemId: string) {
  await tx.$queryRaw`SELECT id FROM "LabelItem" WHERE id = ${itemId} AND "projectId" = ${projectId} FOR UPDATE`;
  return findItem(tx, projectId, itemId);
}

export async function lockSlot(tx: Tx, projectId: string, slotId: string) {
  await tx.$queryRaw`SELECT id FROM "LabelSlot" WHERE id = ${slotId} AND "projectId" = ${projectId} FOR UPDATE`;
  return findSlot(tx, projectId, slotId);
}

/** My unexpired claim in the queue, if any (a reviewer who reloads the page gets the same item back). */
export function findMyLiveClaim(client: Tx | Db, projectId: string, queueId: string, userId: string) {
  return client.labelSlot.findFirst({
    where: { projectId, queueId, userId, status: "claimed", expiresAt: { gt: new Date() } },
    orderBy: { claimedAt: "asc" },
  });
}

/**
 * Claims the next slot for a user in one statement. The inner SELECT takes the lowest-position slot
 * that is open (or whose claim expired) on an item still open, that the user has not skipped and holds
 * no other slot of; FOR UPDATE SKIP LOCKED makes concurrent claimers pass over each other's candidate,
 * and PostgreSQL re-checks the conditions on a row changed meanwhile, so no slot is handed out twice.
 */
export async function claimNextSlot(client: Tx | Db, q: { projectId: string; queueId: string; userId: string; userLabel: string; lockMinutes: number }) {
  const rows = await client.$queryRaw<{ id: string }[]>`
    UPDATE "LabelSlot" AS s
       SET status = 'claimed', "userId" = ${q.userId}, "userLabel" = ${q.userLabel}, "claimedAt" = now(),
           "expiresAt" = now() + make_interval(mins => ${q.lockMinutes}::int), "updatedAt" = now(),
           scores = NULL, correction = NULL, tags = '{}', "submittedAt" = NULL
     WHERE s.id = (
       SELECT c.id FROM "LabelSlot" AS c JOIN "LabelItem" AS i ON i.id = c."itemId"
        WHERE c."queueId" = ${q.queueId} AND c."projectId" = ${q.projectId} AND i.status = 'open'
          AND (c.status = 'open' OR (c.status = 'claimed' AND c."expiresAt" < now()))
          AND NOT (${q.userId} = ANY(COALESCE(i."skippedBy", '{}')))
          AND NOT EXISTS (SELECT 1 FROM "LabelSlot" AS o WHERE o."itemId" = c."itemId" AND o."userId" = ${q.userId} AND o.id <> c.id)
        ORDER BY i.position, c.slot
        LIMIT 1
        FOR UPDATE OF c SKIP LOCKED)
    RETURNING s.id`;
  return rows[0]?.id ?? null;
}

export function findItemSlots(client: Tx | Db, itemId: string) {
  return client.labelSlot.findMany({ where: { itemId }, orderBy: { slot: "asc" } });
}

/** My submitted labels in a queue, newest first (the reviewer's "previous item"). */
export function findMySubmittedSlots(projectId: string, queueId: string, userId: string, take = 200) {
  return db().labelSlot.findMany({
    where: { projectId, queueId, userId, status: "submitted" },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, itemId: true, submittedAt: true },
  });
}

export function findItemsNeedingAdjudication(projectId: string, queueId: string, take: number) {
  return db().labelItem.findMany({
    where: { projectId, queueId, status: "needs_adjudication" },
    orderBy: { position: "asc" },
    take,
    include: { slots: { orderBy: { slot: "asc" } } },
  });
}

export function findGoldItems(projectId: string, queueId: string) {
  return db().labelItem.findMany({ where: { projectId, queueId, status: "gold" }, orderBy: { position: "asc" } });
}

/** Every slot of the queue with its item's status, for the progress and agreement figures. */
export function findQueueSlots(projectId: string, queueId: string) {
  return db().labelSlot.findMany({
    where: { projectId, queueId },
    select: { itemId: true, userId: true, userLabel: true, status: true, expiresAt: true, scores: true },
  });
}

export function findQueueItemStates(projectId: string, queueId: string) {
  return db().labelItem.findMany({ where: { projectId, queueId }, select: { id: true, status: true, skippedBy: true } });
}

export function findUserNames(ids: string[]) {
  return db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
}

/** The dataset items eval-result label items came from (their relevant documents and split carry over on export). */
export function findSourceDatasetItems(projectId: string, ids: string[]) {
  return db().datasetItem.findMany({ where: { projectId, id: { in: ids } }, select: { id: true, relevantDocIds: true, split: true } });
}
