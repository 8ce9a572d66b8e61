import { db, type Db, type Prisma, type Tx } from "../db";
import type { Role } from "../generated/prisma/enums";

// The only place notifications touch Prisma. Every query is scoped by project.

/** What one person in one role may see: addressed to them, or to everyone / their role. */
function visibleTo(projectId: string, userId: string, role: Role): Prisma.NotificationWhereInput {
  return {
    projectId,
    OR: [{ userId }, { userId: null, roles: { isEmpty: true } }, { userId: null, roles: { has: role } }],
  };
}

export function insertNotification(client: Tx | Db, data: Prisma.NotificationUncheckedCreateInput) {
  return client.notification.create({ data });
}

export function findNotifications(projectId: string, userId: string, role: Role, opts: { take: number; unreadOnly: boolean }) {
  return db().notification.findMany({
    where: { ...visibleTo(projectId, userId, role), ...(opts.unreadOnly ? { reads: { none: { userId } } } : {}) },
    include: { reads: { where: { userId }, select: { readAt: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take,
  });
}

export function countUnread(projectId: string, userId: string, role: Role) {
  return db().notification.count({ where: { ...visibleTo(projectId, userId, role), reads: { none: { userId } } } });
}

/** Marks read those of `ids` (or all, when ids is undefined) this person may see; returns how many were newly marked. */
export async function insertReads(projectId: string, userId: string, role: Role, ids: string[] | undefined) {
  const visible = await db().notification.findMany({
    where: { ...visibleTo(projectId, userId, role), reads: { none: { userId } }, ...(ids ? { id: { in: ids } } : {}) },
    select: { id: true },
  });
  if (visible.length === 0) return 0;
  const r = await db().notificationRead.createMany({ data: visible.map((n) => ({ notificationId: n.id, userId })), skipDuplicates: true });
  return r.count;
}
