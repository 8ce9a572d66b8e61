import { z } from "zod";
import { zName } from "../text";

export const ZProjectSlug = z
  .string()
  .trim()
  .min(2, "at least 2 characters")
  .max(40)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "lowercase letters, digits and dashes, not at the ends");

export const ZRenameProject = z.object({ name: zName() }).strict();
export const ZRenameOrganization = z.object({ name: zName() }).strict();
export const ZCreateProject = z.object({ name: zName(), slug: ZProjectSlug }).strict();
export type TCreateProject = z.infer<typeof ZCreateProject>;

export const ZProject = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
});
