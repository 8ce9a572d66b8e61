import { z } from "zod";
import { SCORERS } from "@/lib/evals/scorers";
import type { ConfigField, ScorerChoice } from "./run-form";

// Server-side only: turns the scorer registry (zod schemas, not serialisable) into the plain field
// list the New run dialog renders. The schema stays the one source of truth for defaults and bounds;
// the server validates the config again when the run is created.

const NEED_WORDS: Record<string, string> = {
  reference: "a reference answer",
  context: "context chunks (from the item or retrieval)",
  relevantDocIds: "relevant document ids",
  retrievedDocIds: "a retrieval config",
  latency: "a measured latency",
  cost: "a measured cost",
};

interface JsonProp {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  items?: { type?: string };
}

function fieldOf(name: string, prop: JsonProp, required: boolean): ConfigField {
  const base = { name, required, ...(prop.default !== undefined ? { default: prop.default } : {}) };
  // bounds beyond what a person types (Number.MAX_SAFE_INTEGER) are noise in a form
  const bounds = {
    ...(typeof (prop.minimum ?? prop.exclusiveMinimum) === "number" ? { min: prop.minimum ?? prop.exclusiveMinimum } : {}),
    ...(typeof prop.maximum === "number" && prop.maximum < 1e9 ? { max: prop.maximum } : {}),
  };
  if (prop.enum) return { ...base, kind: "enum", options: prop.enum.map(String) };
  if (prop.type === "boolean") return { ...base, kind: "boolean" };
  if (prop.type === "integer") return { ...base, kind: "integer", ...bounds };
  if (prop.type === "number") return { ...base, kind: "number", ...bounds };
  if (prop.type === "string") return { ...base, kind: "string" };
  if (prop.type === "array" && prop.items?.type === "string") return { ...base, kind: "list" };
  return { ...base, kind: "json" };
}

export function scorerChoices(): ScorerChoice[] {
  return Object.values(SCORERS).map((s) => {
    const schema = z.toJSONSchema(s.configSchema as z.ZodType, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, JsonProp>; required?: string[] };
    const required = new Set(schema.required ?? []);
    return {
      name: s.name,
      label: s.label,
      description: s.description,
      needs: s.needs.map((n) => NEED_WORDS[n] ?? n),
      fields: Object.entries(schema.properties ?? {}).map(([name, prop]) => fieldOf(name, prop, required.has(name))),
    };
  });
}
