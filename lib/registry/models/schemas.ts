import { z } from "zod";
import { zName } from "../../text";

const price = z.coerce.number().min(0, "prices cannot be negative").max(10_000);
export const ZCapability = z.enum(["chat", "embeddings", "json", "tools"]);
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(d)), "not a real date");

const fields = {
  displayName: zName(120),
  inputPricePerMTok: price,
  outputPricePerMTok: price,
  cachedPricePerMTok: price.nullable().optional(),
  priceAsOf: ZDay,
  contextWindow: z.coerce.number().int().min(1).max(100_000_000),
  maxOutputTokens: z.coerce.number().int().min(0).max(10_000_000),
  capabilities: z.array(ZCapability).min(1, "choose at least one capability").max(4),
  region: z.string().trim().toLowerCase().regex(/^[a-z]{2}(-[a-z0-9-]{1,20})?$/, "a region code such as sa, eu, us or eu-west-1").nullable().optional(),
  deprecatesAt: ZDay.nullable().optional(),
};

export const ZCreateModelVersion = z
  .object({
    connectionId: z.string().min(1),
    providerModelId: z.string().trim().min(1).max(200).refine((s) => !/\s/.test(s), "no spaces"),
    floating: z.boolean().default(false),
    ...fields,
  })
  .strict()
  .refine((v) => v.maxOutputTokens <= v.contextWindow, { path: ["maxOutputTokens"], message: "cannot exceed the context window" });
export type TCreateModelVersion = z.infer<typeof ZCreateModelVersion>;

// pinned identity (connection, provider model id, floating) never changes; metadata and prices may
export const ZUpdateModelVersion = z.object(fields).partial().strict();
export type TUpdateModelVersion = z.infer<typeof ZUpdateModelVersion>;

export const ZModelVersion = z.object({
  id: z.string(),
  connectionId: z.string(),
  connectionName: z.string(),
  providerKind: z.string(),
  providerModelId: z.string(),
  displayName: z.string(),
  inputPricePerMTok: z.number(),
  outputPricePerMTok: z.number(),
  cachedPricePerMTok: z.number().nullable(),
  priceAsOf: z.string(),
  contextWindow: z.number(),
  maxOutputTokens: z.number(),
  capabilities: z.array(z.string()),
  region: z.string().nullable(),
  deprecatesAt: z.string().nullable(),
  floating: z.boolean().describe("True when the id is an alias the provider re-points; flagged everywhere."),
  createdAt: z.string(),
});
export type TModelVersion = z.infer<typeof ZModelVersion>;

export const ZModelParams = z.object({ project: z.string().min(1), id: z.string().min(1).max(64) });
