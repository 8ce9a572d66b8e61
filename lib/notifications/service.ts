import type { Db, Tx } from "../db";
import { AppError, parseOrThrow } from "../errors";
import type { Principal } from "../authz/principal";
import { countUnread, findNotifications, insertNotification, insertReads } from "./repo";
import { ZNotifyInput, type TMarkRead, type TNotification, type TNotificationList, type TNotifyInput } from "./schemas";

// The console inbox. Producers call notify() inside their own transaction, so a notification commits
// (or not) with the change that caused it.

/** Posts one notification to a project's inbox. */
export async function notify(client: Tx | Db, input: TNotifyInput) {
  const n = parseOrThrow(ZNotifyInput, input, "Notification");
  return insertNotification(client, {
    projectId: n.projectId, kind: n.kind, title: n.title, body: n.body, href: n.href ?? null,
    roles: n.userId ? [] : n.roles, userId: n.userId ?? null,
  });
}

function person(principal: Principal) {
  if (principal.kind !== "user") throw new AppError("FORBIDDEN", "The inbox belongs to people; sign in to read notifications (API keys have none).");
  return { projectId: principal.projectId, userId: principal.userId, role: principal.role };
}

export async function listNotifications(principal: Principal, opts: { limit: number; unread?: boolean }): Promise<TNotificationList> {
  const p = person(principal);
  const [rows, unreadCount] = await Promise.all([
    findNotifications(p.projectId, p.userId, p.role, { take: opts.limit, unreadOnly: !!opts.unread }),
    countUnread(p.projectId, p.userId, p.role),
  ]);
  const notifications: TNotification[] = rows.map((r) => ({
    id: r.id, kind: r.kind, title: r.title, body: r.body, href: r.href, createdAt: r.createdAt.toISOString(), read: r.reads.length > 0,
  }));
  return { notifications, unreadCount };
}

export async function unreadNotificationCount(principal: Principal): Promise<number> {
  const p = person(principal);
  return countUnread(p.projectId, p.userId, p.role);
}

/** Read state is per person; marking something already read (or not yours) changes nothing. */
export async function markNotificationsRead(principal: Principal, input: TMarkRead): Promise<{ marked: number; unreadCount: number }> {
  const p = person(principal);
  const marked = await insertReads(p.projectId, p.userId, p.role, input.all ? undefined : input.ids);
  return { marked, unreadCount: await countUnread(p.projectId, p.userId, p.role) };
}
