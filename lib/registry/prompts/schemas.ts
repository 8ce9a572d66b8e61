import { z } from "zod";
import { ZProjectSlug } from "../../projects/schemas";
import { jsonSchemaProblems } from "./json-schema-shape";
import { coerceVariableValue, VARIABLE_TYPES } from "./variable-values";

// PostgreSQL refuses NUL and unpaired surrogates in text and jsonb: refuse them with a message.
const storable = (s: string) => s.isWellFormed() && !s.includes("\u0000");
const NOT_STORABLE = "must not contain NUL characters or broken Unicode";

export const PROMPT_ROLES = ["system", "user", "assistant"] as const;
export type PromptRole = (typeof PROMPT_ROLES)[number];

export const ZPromptName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, "lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 80");

export const ZPromptTag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,39}$/u, "letters, digits, '.', '_', ':' and '-', at most 40");

export const ZPromptMessage = z
  .object({
    role: z.enum(PROMPT_ROLES),
    content: z.string().min(1, "write the message").max(100_000, "at most 100,000 characters").refine(storable, NOT_STORABLE),
  })
  .strict();
export type TPromptMessage = z.infer<typeof ZPromptMessage>;

export const ZPromptVariable = z
  .object({
    name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "letters, digits and '_', not starting with a digit").max(64),
    type: z.enum(VARIABLE_TYPES),
    required: z.boolean().default(true),
    default: z.unknown().optional(),
    description: z.string().max(500).refine(storable, NOT_STORABLE).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.default === undefined || v.default === null) return;
    const c = coerceVariableValue(v.type, v.default);
    if (!c.ok) ctx.addIssue({ code: "custom", path: ["default"], message: `default ${c.message}` });
  })
  // store the default already coerced, so compile and the content hash see one form
  .transform((v): { name: string; type: (typeof VARIABLE_TYPES)[number]; required: boolean; default?: unknown; description?: string } => {
    const { default: given, ...rest } = v;
    if (given === undefined || given === null) return rest;
    const c = coerceVariableValue(v.type, given);
    return { ...rest, default: c.ok ? c.value : given };
  });
export type TPromptVariable = z.output<typeof ZPromptVariable>;

export const ZPromptVariables = z
  .array(ZPromptVariable)
  .max(100)
  .superRefine((vars, ctx) => {
    const seen = new Set<string>();
    vars.forEach((v, i) => {
      if (seen.has(v.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `"${v.name}" is declared twice` });
      seen.add(v.name);
    });
  });

const ZJsonSchemaFormat = z
  .object({
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "letters, digits, '_' and '-', at most 64"),
    description: z.string().max(1000).optional(),
    schema: z.record(z.string(), z.unknown()).superRefine((schema, ctx) => {
      for (const p of jsonSchemaProblems(schema)) ctx.addIssue({ code: "custom", path: p.path, message: `invalid JSON Schema: ${p.message}` });
    }),
    strict: z.boolean().optional(),
  })
  .strict();

export const ZResponseFormat = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }).strict(),
  z.object({ type: z.literal("json_object") }).strict(),
  z.object({ type: z.literal("json_schema"), json_schema: ZJsonSchemaFormat }).strict(),
]);

export const ZPromptParams = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    max_tokens: z.number().int().positive().max(1_000_000).optional(),
    stop: z.array(z.string().min(1).max(200)).max(4, "at most 4 stop sequences").optional(),
    response_format: ZResponseFormat.optional(),
  })
  .strict();
export type TPromptParams = z.infer<typeof ZPromptParams>;

/** The versioned content of a prompt: what the content hash covers. */
export const ZPromptContent = z.object({
  messages: z.array(ZPromptMessage).min(1, "add at least one message").max(100),
  variables: ZPromptVariables.default([]),
  params: ZPromptParams.default({}),
  modelVersionId: z.string().min(1).max(64).nullable().optional(),
});
export type TPromptContent = z.output<typeof ZPromptContent>;

export const ZCreatePromptVersion = ZPromptContent.extend({
  name: ZPromptName,
  changelog: z.string().trim().min(1, "say what changed and why").max(2000).refine(storable, NOT_STORABLE),
  tags: z.array(ZPromptTag).max(20).optional(),
  description: z.string().trim().max(2000).refine(storable, NOT_STORABLE).optional(),
}).strict();
export type TCreatePromptVersion = z.output<typeof ZCreatePromptVersion>;
export type TCreatePromptVersionInput = z.input<typeof ZCreatePromptVersion>;

export const ZRestorePromptVersion = z
  .object({
    version: z.number().int().min(1),
    changelog: z.string().trim().max(2000).refine(storable, NOT_STORABLE).optional(),
  })
  .strict();

export const ZUpdatePromptTags = z.object({ tags: z.array(ZPromptTag).max(20) }).strict();

export const ZCompilePrompt = z
  .object({
    version: z.number().int().min(1),
    variables: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type TCompilePrompt = z.output<typeof ZCompilePrompt>;

export const ZListPromptsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
});
export type TListPromptsQuery = z.output<typeof ZListPromptsQuery>;

export const ZProjectParam = z.object({ project: ZProjectSlug });
export const ZPromptParam = ZProjectParam.extend({ name: ZPromptName });
export const ZPromptVersionParam = ZPromptParam.extend({ version: z.coerce.number().int().min(1) });

// --- responses ---

export const ZPromptVersion = z.object({
  id: z.string(),
  promptId: z.string(),
  name: z.string(),
  version: z.number().int(),
  messages: z.array(ZPromptMessage),
  variables: z.array(z.object({ name: z.string(), type: z.enum(VARIABLE_TYPES), required: z.boolean(), default: z.unknown().optional(), description: z.string().optional() })),
  params: ZPromptParams,
  modelVersionId: z.string().nullable(),
  changelog: z.string(),
  contentHash: z.string(),
  restoredFrom: z.number().int().nullable(),
  author: z.string(),
  createdAt: z.string(),
});
export type TPromptVersion = z.infer<typeof ZPromptVersion>;

export const ZPromptVersionSummary = ZPromptVersion.pick({
  id: true, version: true, changelog: true, contentHash: true, restoredFrom: true, author: true, createdAt: true, modelVersionId: true,
});
export type TPromptVersionSummary = z.infer<typeof ZPromptVersionSummary>;

export const ZPromptSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  latestVersion: z.number().int().nullable(),
  latestAuthor: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPromptSummary = z.infer<typeof ZPromptSummary>;

export const ZPromptDetail = ZPromptSummary.extend({
  versions: z.array(ZPromptVersionSummary).describe("Newest first, without content"),
  latest: ZPromptVersion.nullable().describe("The newest version with its content"),
});
export type TPromptDetail = z.infer<typeof ZPromptDetail>;

export const ZSavedPromptVersion = z.object({
  id: z.string().describe("The prompt version's id"),
  promptId: z.string(),
  name: z.string(),
  version: z.number().int(),
  contentHash: z.string(),
  unchanged: z.boolean().describe("true: the content equals the latest version, so no version was created (HTTP 200, not 201)"),
});
export type TSavedPromptVersion = z.infer<typeof ZSavedPromptVersion>;

export const ZCompiledPrompt = z.object({
  messages: z.array(z.object({ role: z.enum(PROMPT_ROLES), content: z.string() })),
});
export type TCompiledPrompt = z.infer<typeof ZCompiledPrompt>;
