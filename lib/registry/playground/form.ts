import type { TPlaygroundRunInput } from "./schemas";

// The playground form as typed (text everywhere) → the run's request body. Pure, so the browser and
// tests share it; compilePrompt on the server coerces the text to each variable's declared type.

export interface PlaygroundForm {
  prompt: string;
  version: number;
  modelVersionId: string;
  /** name → text as typed; "" means "not given" (the declared default applies) */
  variables: Record<string, string>;
  context: string;
  /** "name@version" of a retrieval config version, or "" for none */
  retrieval: string;
  retrievalQuery: string;
  temperature: string;
  maxTokens: string;
}

/** One chunk per paragraph: blank lines separate chunks. */
export function splitContextChunks(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((c) => c.trim())
    .filter(Boolean);
}

export function toRunInput(form: PlaygroundForm): TPlaygroundRunInput {
  const variables = Object.fromEntries(Object.entries(form.variables).filter(([, v]) => v.trim() !== ""));
  const temperature = form.temperature.trim() === "" ? undefined : Number(form.temperature);
  const maxTokens = form.maxTokens.trim() === "" ? undefined : Number(form.maxTokens);
  return {
    prompt: form.prompt,
    version: form.version,
    ...(form.modelVersionId ? { modelVersionId: form.modelVersionId } : {}),
    variables,
    contextChunks: splitContextChunks(form.context),
    ...(form.retrieval ? { retrieval: retrievalChoice(form.retrieval, form.retrievalQuery) } : {}),
    params: {
      ...(temperature !== undefined ? { temperature } : {}),
      ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
    },
  };
}

function retrievalChoice(value: string, query: string) {
  const at = value.lastIndexOf("@");
  return { config: value.slice(0, at), version: Number(value.slice(at + 1)), ...(query.trim() ? { query: query.trim() } : {}) };
}

/** Text for a declared default, so the input starts filled with it. */
export function defaultText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export const formatCostUsd = (usd: number) => `$${usd.toFixed(6)}`;
