import { z } from "zod";
import { zName } from "../text";
import { API_KEY_SCOPES } from "../authz/permissions";

export const ZApiKeyScope = z.enum(API_KEY_SCOPES);

export const ZCreateApiKey = z
  .object({
    name: zName(80, "give the key a name"),
    scopes: z.array(ZApiKeyScope).min(1, "choose at least one scope").max(API_KEY_SCOPES.length),
    expiresInDays: z.coerce.number().int().min(1).max(3650).nullable().optional(),
  })
  .strict();
export type TCreateApiKey = z.infer<typeof ZCreateApiKey>;

export const ZApiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
});
export type TApiKey = z.infer<typeof ZApiKey>;

export const ZCreatedApiKey = ZApiKey.extend({
  token: z.string().describe("The full key. Shown only in this response; store it now."),
});

export const ZApiKeyIdParam = z.object({ id: z.string().min(1).max(64) });
