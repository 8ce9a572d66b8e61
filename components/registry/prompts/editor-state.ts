import type { PromptRole, TPromptVersion } from "@/lib/registry/prompts/schemas";
import type { VariableType } from "@/lib/registry/prompts/variable-values";

// The editor's form state: text as typed (numbers and JSON included), turned into the request body
// only on save, so half-typed values never fight the inputs.

export interface EditorMessage {
  key: string;
  role: PromptRole;
  content: string;
}

export interface EditorVariable {
  key: string;
  name: string;
  type: VariableType;
  required: boolean;
  default: string;
  description: string;
}

export type FormatChoice = "none" | "text" | "json_object" | "json_schema";

export interface EditorParams {
  temperature: string;
  top_p: string;
  max_tokens: string;
  stop: string;
  format: FormatChoice;
  schemaName: string;
  schemaText: string;
  /** null: not stated (kept as stored, so opening and saving an old version changes nothing) */
  strict: boolean | null;
}

export interface EditorState {
  name: string;
  description: string;
  tags: string;
  messages: EditorMessage[];
  variables: EditorVariable[];
  params: EditorParams;
  modelVersionId: string;
  changelog: string;
}

// React keys for rows; states built on the server and rows added in the browser must not collide
let counter = 0;
export const newKey = () => `k${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export function emptyState(): EditorState {
  return {
    name: "",
    description: "",
    tags: "",
    messages: [
      { key: newKey(), role: "system", content: "" },
      { key: newKey(), role: "user", content: "" },
    ],
    variables: [],
    params: { temperature: "", top_p: "", max_tokens: "", stop: "", format: "none", schemaName: "", schemaText: "", strict: true },
    modelVersionId: "",
    changelog: "",
  };
}

const text = (v: unknown) => (v === undefined || v === null ? "" : typeof v === "string" ? v : JSON.stringify(v));

export function stateFromVersion(v: TPromptVersion, meta: { description: string | null; tags: string[] }): EditorState {
  const rf = v.params.response_format;
  return {
    name: v.name,
    description: meta.description ?? "",
    tags: meta.tags.join(", "),
    messages: v.messages.map((m) => ({ key: newKey(), role: m.role, content: m.content })),
    variables: v.variables.map((x) => ({
      key: newKey(), name: x.name, type: x.type, required: x.required, description: x.description ?? "",
      // json defaults are edited as JSON text, so a string default and a number default stay apart
      default: x.default === undefined ? "" : x.type === "json" ? JSON.stringify(x.default) : text(x.default),
    })),
    params: {
      temperature: text(v.params.temperature),
      top_p: text(v.params.top_p),
      max_tokens: text(v.params.max_tokens),
      stop: (v.params.stop ?? []).join("\n"),
      format: rf?.type ?? "none",
      schemaName: rf?.type === "json_schema" ? rf.json_schema.name : "",
      schemaText: rf?.type === "json_schema" ? JSON.stringify(rf.json_schema.schema, null, 2) : "",
      strict: rf?.type === "json_schema" ? rf.json_schema.strict ?? null : true,
    },
    modelVersionId: v.modelVersionId ?? "",
    changelog: "",
  };
}

const parseOrText = (s: string) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
};

const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

/** The request body, plus problems only the browser can see (a JSON Schema that is not JSON). */
export function toPayload(s: EditorState): { payload: Record<string, unknown>; local: { field: string; message: string }[] } {
  const local: { field: string; message: string }[] = [];
  let response_format: unknown;
  if (s.params.format === "json_schema") {
    let schema: unknown;
    try {
      schema = JSON.parse(s.params.schemaText || "null");
    } catch (e) {
      local.push({ field: "params.response_format.json_schema.schema", message: `not valid JSON: ${(e as Error).message}` });
    }
    const strict = s.params.strict === null ? {} : { strict: s.params.strict };
    response_format = { type: "json_schema", json_schema: { name: s.params.schemaName.trim(), schema, ...strict } };
  } else if (s.params.format !== "none") {
    response_format = { type: s.params.format };
  }
  const params = Object.fromEntries(
    Object.entries({
      temperature: num(s.params.temperature),
      top_p: num(s.params.top_p),
      max_tokens: num(s.params.max_tokens),
      stop: s.params.stop.trim() ? s.params.stop.split("\n").filter((x) => x !== "") : undefined,
      response_format,
    }).filter(([, v]) => v !== undefined),
  );
  const payload = {
    name: s.name.trim(),
    messages: s.messages.map((m) => ({ role: m.role, content: m.content })),
    variables: s.variables.map((v) => ({
      name: v.name.trim(),
      type: v.type,
      required: v.required,
      ...(v.default !== "" ? { default: v.type === "json" ? parseOrText(v.default) : v.default } : {}),
      ...(v.description.trim() ? { description: v.description.trim() } : {}),
    })),
    params,
    modelVersionId: s.modelVersionId || null,
    changelog: s.changelog,
    tags: s.tags.split(",").map((t) => t.trim()).filter(Boolean),
    description: s.description.trim(),
  };
  return { payload, local };
}
