import { z } from "zod";
import { ROLES } from "../authz/permissions";
import { ZProjectSlug } from "../projects/schemas";

// The console inbox (issue 5). Generic: budgets post alerts here, releases post "awaits you".

export const MAX_TITLE = 200;
export const MAX_BODY = 2000;

export const ZNotifyInput = z
  .object({
    projectId: z.string().min(1),
    /** dotted, e.g. budget.alert, release.awaiting_approval */
    kind: z.string().trim().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, "dotted lowercase words, e.g. budget.alert").max(64),
    title: z.string().trim().min(1).max(MAX_TITLE),
    body: z.string().trim().max(MAX_BODY).default(""),
    /** a path inside the console (/p/<slug>/…); absolute URLs are not allowed */
    href: z.string().regex(/^\/(?!\/)/, "a path inside the console, starting with /").max(500).optional(),
    /** empty: every member of the project */
    roles: z.array(z.enum(ROLES)).default([]),
    /** for one person only; roles are then ignored */
    userId: z.string().min(1).optional(),
  })
  .strict();
export type TNotifyInput = z.input<typeof ZNotifyInput>;

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  href: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({
  notifications: z.array(ZNotification),
  unreadCount: z.number().int(),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZListNotificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  unread: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
});

export const ZMarkRead = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1, "name at least one notification, or send all: true").max(500).optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => (v.ids ? 1 : 0) + (v.all ? 1 : 0) === 1, { message: "send either ids or all: true", path: ["ids"] });
export type TMarkRead = z.infer<typeof ZMarkRead>;

export const ZProjectParam = z.object({ project: ZProjectSlug });
