import { compilePrompt } from "../registry/prompts/template";
import { FlightdeckCompileError } from "./errors.js";
import type { PromptMessage, PromptVariable } from "./types.js";

/** What {@link compile} needs of a prompt: a release's prompt (`release.prompts.answer`) fits. */
export interface CompilablePrompt {
  messages: readonly PromptMessage[];
  variables: readonly PromptVariable[];
}

/**
 * Renders a prompt's messages with the variables, exactly as the server does (it is the server's
 * compiler: lib/registry/prompts/template.ts, Mustache without HTML escaping). Declared defaults fill
 * what is not supplied; text is coerced to a variable's declared type.
 *
 * @throws {FlightdeckCompileError} naming every missing required variable, unknown variable, value of
 *   the wrong type and template syntax error — the message and issues the server's 422 carries.
 */
export function compile(prompt: CompilablePrompt, variables: Record<string, unknown> = {}): { messages: PromptMessage[] } {
  try {
    return compilePrompt(prompt, variables);
  } catch (err) {
    const e = err as { code?: unknown; message: string; issues?: { field: string; message: string }[] };
    if (e?.code === "VALIDATION") throw new FlightdeckCompileError(e.message, e.issues ?? []);
    throw err;
  }
}
