import { z } from "zod";

export const ZAuditQuery = z.object({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  resourceType: z.string().trim().max(100).optional(),
  resourceId: z.string().trim().max(200).optional(),
  from: z.coerce.date().optional(),
  // a bare date means "through the end of that day"
  to: z
    .string()
    .transform((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T23:59:59.999Z` : v))
    .pipe(z.coerce.date())
    .optional(),
  cursor: z.string().regex(/^\d+$/, "must be a number from a previous page's nextCursor").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z.object({
  id: z.string(),
  seq: z.string(),
  actorType: z.enum(["user", "apiKey", "system"]),
  actorId: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.string(),
  hash: z.string(),
});

export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditPage = z.object({ events: z.array(ZAuditEvent), nextCursor: z.string().nullable() });
export type TAuditPage = z.infer<typeof ZAuditPage>;
