import { Ajv, type ValidateFunction } from "ajv";
import { z } from "zod";
import { stripCodeFences } from "../json-text";
import { truncate } from "../text";
import type { ScoreResult } from "../types";

// strict: false because people paste schemas with annotations ajv does not know ("example", vendor
// keys); refusing those would be noise. allErrors so the explanation can show more than one problem.
const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();
const MAX_CACHED = 200;

function compile(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, validate);
  }
  return validate;
}

export const ZJsonValidConfig = z.object({}).strict();
export type JsonValidConfig = z.infer<typeof ZJsonValidConfig>;

export const ZJsonSchemaConfig = z
  .object({ schema: z.record(z.string(), z.unknown()) })
  .strict()
  .superRefine((config, ctx) => {
    // A broken schema is the author's mistake: report it when the config is saved, not per item.
    try {
      compile(config.schema);
    } catch (err) {
      ctx.addIssue({ code: "custom", path: ["schema"], message: `not a valid JSON Schema: ${(err as Error).message}` });
    }
  });
export type JsonSchemaConfig = z.infer<typeof ZJsonSchemaConfig>;

type Parsed = { ok: true; value: unknown } | { ok: false; result: ScoreResult };

function parseAnswer(output: string): Parsed {
  const text = stripCodeFences(output);
  if (text === "") return { ok: false, result: { score: 0, passed: false, explanation: "The answer is empty, not JSON." } };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, result: { score: 0, passed: false, explanation: `Not valid JSON: ${truncate((err as Error).message, 120)}` } };
  }
}

export function scoreJsonValid(output: string): ScoreResult {
  const parsed = parseAnswer(output);
  return parsed.ok ? { score: 1, passed: true, explanation: "Valid JSON." } : parsed.result;
}

const ERRORS_SHOWN = 3;

export function scoreJsonSchema(output: string, config: JsonSchemaConfig): ScoreResult {
  const parsed = parseAnswer(output);
  if (!parsed.ok) return parsed.result;
  const validate = compile(config.schema);
  if (validate(parsed.value)) return { score: 1, passed: true, explanation: "Valid JSON that conforms to the schema." };
  const errors = validate.errors ?? [];
  const listed = errors.slice(0, ERRORS_SHOWN).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  const more = errors.length > ERRORS_SHOWN ? `; and ${errors.length - ERRORS_SHOWN} more` : "";
  return { score: 0, passed: false, explanation: `Does not conform to the schema: ${listed.join("; ")}${more}.` };
}
