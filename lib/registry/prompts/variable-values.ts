// Coercing a supplied variable value to its declared type. Shared by compilePrompt (values from
// the API, the playground's form, the SDK) and by the schema (a declared default must fit its type).
// Forms send text, so text that reads as the declared type is accepted.

export const VARIABLE_TYPES = ["string", "number", "boolean", "json"] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

export function coerceVariableValue(type: VariableType, value: unknown): Coerced {
  switch (type) {
    case "string":
      if (typeof value === "string") return { ok: true, value };
      if (typeof value === "number" || typeof value === "boolean") return { ok: true, value: String(value) };
      return { ok: false, message: "expected text" };
    case "number": {
      if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value };
      if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return { ok: true, value: Number(value) };
      return { ok: false, message: "expected a number" };
    }
    case "boolean":
      if (typeof value === "boolean") return { ok: true, value };
      if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return { ok: true, value: value.trim().toLowerCase() === "true" };
      return { ok: false, message: "expected true or false" };
    case "json":
      // text that looks like an object or a list is parsed; any other text is a JSON string value
      if (typeof value === "string" && /^\s*[[{]/.test(value)) {
        try {
          return { ok: true, value: JSON.parse(value) };
        } catch {
          return { ok: false, message: "is not valid JSON" };
        }
      }
      return value === undefined ? { ok: false, message: "expected a JSON value" } : { ok: true, value };
  }
}
