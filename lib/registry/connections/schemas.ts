import { z } from "zod";
import { zName } from "../../text";

export const ZProviderKind = z.enum(["openai", "anthropic", "offline"]);
const ZSecret = z.string().min(1, "enter the API key").max(4096).refine((s) => !/\s/.test(s), "must not contain spaces or line breaks");
const ZBaseUrl = z.string().trim().max(2048);

const limits = {
  timeoutMs: z.coerce.number().int().min(1000).max(600_000).optional(),
  maxConcurrency: z.coerce.number().int().min(1).max(256).optional(),
};

export const ZCreateConnection = z
  .object({ name: zName(80), kind: ZProviderKind, baseUrl: ZBaseUrl.optional(), secret: ZSecret.optional(), ...limits })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind !== "offline" && !v.baseUrl) ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "required for this provider" });
    if (v.kind === "anthropic" && !v.secret) ctx.addIssue({ code: "custom", path: ["secret"], message: "Anthropic needs an API key" });
    if (v.kind === "offline" && (v.baseUrl || v.secret)) ctx.addIssue({ code: "custom", path: ["kind"], message: "the offline provider takes no URL or secret" });
  });
export type TCreateConnection = z.infer<typeof ZCreateConnection>;

// secret: a new value replaces the stored one; null removes it; absent keeps it
export const ZUpdateConnection = z
  .object({ name: zName(80).optional(), baseUrl: ZBaseUrl.min(1).optional(), secret: ZSecret.nullable().optional(), ...limits })
  .strict();
export type TUpdateConnection = z.infer<typeof ZUpdateConnection>;

export const ZConnection = z.object({
  id: z.string(),
  name: z.string(),
  kind: ZProviderKind,
  baseUrl: z.string().nullable(),
  hasSecret: z.boolean(),
  secretHint: z.string().nullable().describe("Last four characters of the stored secret; the secret itself is never returned."),
  timeoutMs: z.number(),
  maxConcurrency: z.number(),
  lastTestedAt: z.string().nullable(),
  lastTestOk: z.boolean().nullable(),
  lastTestMessage: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TConnection = z.infer<typeof ZConnection>;

export const ZConnectionTest = z.object({ ok: z.boolean(), latencyMs: z.number(), message: z.string(), models: z.array(z.string()).optional() });

export const ZProjectParam = z.object({ project: z.string().min(1) });
export const ZConnectionParams = ZProjectParam.extend({ id: z.string().min(1).max(64) });
