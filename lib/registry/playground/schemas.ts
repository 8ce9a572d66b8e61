import { z } from "zod";
import { ZProjectParam, ZPromptName, PROMPT_ROLES } from "../prompts/schemas";
import { ZRetrievedChunk } from "../retrieval/schemas";

// One playground run: a prompt version compiled with the caller's values and sent to a model version.

export const ZPlaygroundRun = z
  .object({
    prompt: ZPromptName.describe("The prompt's name"),
    version: z.number().int().min(1).optional().describe("Defaults to the latest version"),
    modelVersionId: z.string().min(1).max(64).optional().describe("Defaults to the model the prompt version was validated against"),
    variables: z.record(z.string(), z.unknown()).default({}),
    contextChunks: z
      .array(z.string().trim().min(1, "an empty context chunk").max(20_000, "at most 20,000 characters per chunk"))
      .max(50, "at most 50 context chunks")
      .default([])
      .describe("Retrieved passages sent with the request; a declared `context` variable left empty receives them, separated by blank lines"),
    retrieval: z
      .object({
        config: z.string().min(1).max(80).describe("Retrieval config name"),
        version: z.number().int().min(1),
        query: z.string().trim().min(1).max(4000).optional().describe("Defaults to the `question` (or `query`, `input`) variable"),
      })
      .strict()
      .optional()
      .describe("Retrieve context with this config version before the call; its chunks come before any given contextChunks"),
    params: z
      .object({
        temperature: z.number().min(0).max(2).optional(),
        max_tokens: z.number().int().positive().max(1_000_000).optional(),
      })
      .strict()
      .default({})
      .describe("Overrides of the version's parameters for this run only"),
  })
  .strict();
export type TPlaygroundRun = z.output<typeof ZPlaygroundRun>;
export type TPlaygroundRunInput = z.input<typeof ZPlaygroundRun>;

export { ZProjectParam };

// --- the events of the stream (each SSE event's data; `type` repeats the event name) ---

export const ZPlaygroundDelta = z.object({ type: z.literal("delta"), text: z.string() });

export const ZPlaygroundDone = z.object({
  type: z.literal("done"),
  text: z.string().describe("The whole answer"),
  usage: z.object({
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    cachedTokens: z.number().int().optional(),
    estimated: z.boolean().describe("True when counted locally because the provider reported no usage"),
  }),
  costUsd: z.number().describe("Tokens × the model version's prices per 1M tokens"),
  latencyMs: z.number(),
  finishReason: z.string(),
  model: z.string().describe("The model id the provider says answered"),
  promptVersion: z.number().int(),
  modelVersionId: z.string(),
  messages: z.array(z.object({ role: z.enum(PROMPT_ROLES), content: z.string() })).describe("The compiled messages that were sent"),
  retrieved: z.array(ZRetrievedChunk).describe("Chunks the retrieval config returned (empty without one)"),
});
export type TPlaygroundDone = z.infer<typeof ZPlaygroundDone>;

export const ZPlaygroundError = z.object({
  type: z.literal("error"),
  kind: z.string().describe("rate_limited, timeout, server_error, bad_request, auth, network, malformed or internal"),
  message: z.string(),
});
export type TPlaygroundError = z.infer<typeof ZPlaygroundError>;

export const ZPlaygroundEvent = z.discriminatedUnion("type", [ZPlaygroundDelta, ZPlaygroundDone, ZPlaygroundError]);
export type TPlaygroundEvent = z.infer<typeof ZPlaygroundEvent>;
