import { z } from "zod";
import { zName } from "../text";
import { ROLES } from "../authz/permissions";

export const ZRole = z.enum(ROLES);

export const ZAddMember = z
  .object({
    email: z.email("enter a valid email address").trim().toLowerCase().max(254),
    name: zName(120).optional(),
    role: ZRole,
  })
  .strict();
export type TAddMember = z.infer<typeof ZAddMember>;

export const ZChangeRole = z.object({ role: ZRole }).strict();

export const ZMember = z.object({
  id: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  createdAt: z.string(),
});
export type TMember = z.infer<typeof ZMember>;

export const ZAddedMember = ZMember.extend({
  temporaryPassword: z
    .string()
    .nullable()
    .describe("Set when the person had no account: a one-time password to hand over. Shown only here."),
});

export const ZCreateUser = z
  .object({
    email: z.email("enter a valid email address").trim().toLowerCase().max(254),
    name: zName(120),
    password: z.string().min(12, "at least 12 characters").max(200).optional(),
    project: z.string().trim().min(1).optional(),
    role: ZRole.optional(),
  })
  .refine((v) => Boolean(v.project) === Boolean(v.role), { message: "give --project and --role together", path: ["role"] });
export type TCreateUser = z.infer<typeof ZCreateUser>;
