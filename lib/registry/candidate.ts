import { db } from "../db";
import { AppError } from "../errors";
import type { ChatMessage, ChatRequest } from "../providers/types";
import { findModelVersion } from "./models/repo";
import { presentModelVersion } from "./models/service";
import type { TModelVersion } from "./models/schemas";
import { findLatestPromptVersion, findPromptByName, findPromptVersion } from "./prompts/repo";
import { presentVersion } from "./prompts/present";
import type { TPromptVersion } from "./prompts/schemas";

// A candidate is a prompt version run on a chat model version, optionally with retrieved context.
// The playground and eval runs resolve and call candidates the same way, through these functions.

/** The variable that receives the context chunks when the caller leaves it empty. */
export const CONTEXT_VARIABLE = "context";
export { QUERY_VARIABLES, queryFromVariables } from "./prompts/query-variable";

export async function resolvePromptVersion(projectId: string, name: string, version: number | undefined): Promise<TPromptVersion> {
  if (version !== undefined) {
    const row = await findPromptVersion(db(), projectId, name, version);
    if (!row) throw new AppError("NOT_FOUND", `Prompt "${name}" has no version ${version} in this project.`);
    return presentVersion(row);
  }
  const prompt = await findPromptByName(db(), projectId, name);
  const row = prompt ? await findLatestPromptVersion(db(), prompt.id) : null;
  if (!row) throw new AppError("NOT_FOUND", `No prompt "${name}" in this project.`);
  return presentVersion(row);
}

export async function resolveChatModel(projectId: string, id: string | null | undefined, field = "modelVersionId"): Promise<TModelVersion> {
  if (!id) {
    throw new AppError("VALIDATION", "Choose a model version: this prompt version names none.", [{ field, message: "choose a model version" }]);
  }
  const row = await findModelVersion(db(), projectId, id);
  if (!row) throw new AppError("NOT_FOUND", "No model version with this id in this project.", [{ field, message: "unknown model version" }]);
  const model = presentModelVersion(row);
  if (!model.capabilities.includes("chat")) {
    throw new AppError("VALIDATION", `${model.displayName} is not a chat model.`, [{ field, message: "not a chat model" }]);
  }
  return model;
}

/** The variables with the context chunks filled in when the prompt declares `context` and the caller left it empty. */
export function withContextVariable(version: Pick<TPromptVersion, "variables">, variables: Record<string, unknown>, chunks: string[]): Record<string, unknown> {
  const current = variables[CONTEXT_VARIABLE];
  const empty = current === undefined || current === null || (typeof current === "string" && current.trim() === "");
  if (!chunks.length || !empty || !version.variables.some((v) => v.name === CONTEXT_VARIABLE)) return variables;
  return { ...variables, [CONTEXT_VARIABLE]: chunks.join("\n\n") };
}

/** The provider request for compiled messages under the prompt version's parameters (overrides win). */
export function chatRequestFor(
  version: Pick<TPromptVersion, "params">,
  model: Pick<TModelVersion, "providerModelId">,
  messages: ChatMessage[],
  contextChunks: string[],
  overrides: Partial<ChatRequest> = {},
): ChatRequest {
  const { temperature, top_p, max_tokens, stop, response_format } = version.params;
  return {
    model: model.providerModelId,
    messages,
    ...(temperature !== undefined ? { temperature } : {}),
    ...(top_p !== undefined ? { top_p } : {}),
    ...(max_tokens !== undefined ? { max_tokens } : {}),
    ...(stop?.length ? { stop } : {}),
    ...(response_format ? { response_format } : {}),
    ...overrides,
    ...(contextChunks.length ? { context: contextChunks } : {}),
  };
}
