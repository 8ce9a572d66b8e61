import { contentHash } from "../../audit/chain";
import type { TPromptContent } from "./schemas";

/**
 * SHA-256 of the canonical JSON of what a version says: messages, variables, parameters, model.
 * Changelog, author and time are not content, so saving the same content again changes nothing.
 */
export function promptContentHash(content: Pick<TPromptContent, "messages" | "variables" | "params" | "modelVersionId">): string {
  return contentHash({
    messages: content.messages.map((m) => ({ role: m.role, content: m.content })),
    variables: content.variables,
    params: content.params,
    modelVersionId: content.modelVersionId ?? null,
  });
}
