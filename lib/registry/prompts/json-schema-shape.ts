// A structural check of a JSON Schema (draft 2020-12 / the subset providers accept for structured
// output). ajv is not a dependency; this catches the mistakes people make by hand — a wrong "type",
// "properties" that is not an object, "required" naming nothing — and says where, as a path.

export interface SchemaProblem {
  path: (string | number)[];
  message: string;
}

const TYPES = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
const SINGLE_SCHEMAS = ["not", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems"];
const NON_NEGATIVE_INTS = ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains"];
const NUMBERS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"];
const MAX_DEPTH = 32;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Problems in a top-level schema: it must be an object that says what it describes. */
export function jsonSchemaProblems(schema: unknown): SchemaProblem[] {
  if (!isObject(schema)) return [{ path: [], message: "must be a JSON Schema object" }];
  const out: SchemaProblem[] = [];
  const describes = ["type", "$ref", "properties", "anyOf", "oneOf", "allOf", "enum", "const"].some((k) => k in schema);
  if (!describes) out.push({ path: [], message: 'must declare a "type" (e.g. "object"), a "$ref" or "properties"' });
  check(schema, [], out, 0);
  return out;
}

function check(schema: unknown, path: (string | number)[], out: SchemaProblem[], depth: number): void {
  if (typeof schema === "boolean") return;
  if (!isObject(schema)) {
    out.push({ path, message: "must be a schema (an object or true/false)" });
    return;
  }
  if (depth > MAX_DEPTH) {
    out.push({ path, message: `nests deeper than ${MAX_DEPTH} levels` });
    return;
  }
  const at = (k: string | number, ...rest: (string | number)[]) => [...path, k, ...rest];

  if ("type" in schema) {
    const t = schema.type;
    const list = Array.isArray(t) ? t : [t];
    if (list.length === 0 || list.some((x) => typeof x !== "string" || !TYPES.has(x))) {
      out.push({ path: at("type"), message: `must be one of ${[...TYPES].join(", ")} (or a list of them)` });
    } else if (new Set(list).size !== list.length) {
      out.push({ path: at("type"), message: "lists a type twice" });
    }
  }
  if ("$ref" in schema && typeof schema.$ref !== "string") out.push({ path: at("$ref"), message: "must be a string" });
  if ("required" in schema) {
    const r = schema.required;
    if (!Array.isArray(r) || r.some((x) => typeof x !== "string")) out.push({ path: at("required"), message: "must be a list of property names" });
    else if (new Set(r).size !== r.length) out.push({ path: at("required"), message: "names a property twice" });
  }
  if ("enum" in schema && (!Array.isArray(schema.enum) || schema.enum.length === 0)) {
    out.push({ path: at("enum"), message: "must be a non-empty list" });
  }
  if ("pattern" in schema) {
    if (typeof schema.pattern !== "string") out.push({ path: at("pattern"), message: "must be a string" });
    else {
      try {
        new RegExp(schema.pattern, "u");
      } catch {
        out.push({ path: at("pattern"), message: "is not a valid regular expression" });
      }
    }
  }
  for (const k of NON_NEGATIVE_INTS) {
    if (k in schema && !(Number.isInteger(schema[k]) && (schema[k] as number) >= 0)) out.push({ path: at(k), message: "must be a non-negative integer" });
  }
  for (const k of NUMBERS) {
    if (k in schema && typeof schema[k] !== "number") out.push({ path: at(k), message: "must be a number" });
  }
  for (const k of SCHEMA_MAPS) {
    if (!(k in schema)) continue;
    const map = schema[k];
    if (!isObject(map)) {
      out.push({ path: at(k), message: "must be an object whose values are schemas" });
      continue;
    }
    for (const [name, sub] of Object.entries(map)) check(sub, at(k, name), out, depth + 1);
  }
  for (const k of SCHEMA_LISTS) {
    if (!(k in schema)) continue;
    const list = schema[k];
    if (!Array.isArray(list) || list.length === 0) {
      out.push({ path: at(k), message: "must be a non-empty list of schemas" });
      continue;
    }
    list.forEach((sub, i) => check(sub, at(k, i), out, depth + 1));
  }
  for (const k of SINGLE_SCHEMAS) if (k in schema) check(schema[k], at(k), out, depth + 1);
  if ("items" in schema) {
    // draft-04..07 allowed a list (tuple form); accept it, check each
    if (Array.isArray(schema.items)) schema.items.forEach((sub, i) => check(sub, at("items", i), out, depth + 1));
    else check(schema.items, at("items"), out, depth + 1);
  }
  if ("additionalProperties" in schema) check(schema.additionalProperties, at("additionalProperties"), out, depth + 1);
}
