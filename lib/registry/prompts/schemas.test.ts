import { describe, expect, it } from "vitest";
import { ZCreatePromptVersion } from "./schemas";

const valid = { name: "support.reply-v2", messages: [{ role: "system", content: "Hi {{name}}" }], variables: [{ name: "name", type: "string" }], changelog: "first" };
const fields = (input: unknown) => {
  const r = ZCreatePromptVersion.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("ZCreatePromptVersion", () => {
  it("accepts a minimal prompt and fills defaults", () => {
    const r = ZCreatePromptVersion.parse(valid);
    expect(r.variables[0]).toEqual({ name: "name", type: "string", required: true });
    expect(r.params).toEqual({});
  });

  it("names bad fields", () => {
    expect(fields({ ...valid, name: "Bad Name" })).toEqual(["name"]);
    expect(fields({ ...valid, changelog: "  " })).toEqual(["changelog"]);
    expect(fields({ ...valid, messages: [] })).toEqual(["messages"]);
    expect(fields({ ...valid, messages: [{ role: "tool", content: "x" }] })).toEqual(["messages.0.role"]);
    expect(fields({ ...valid, variables: [{ name: "1x", type: "string" }] })).toEqual(["variables.0.name"]);
    expect(fields({ ...valid, variables: [{ name: "a", type: "string" }, { name: "a", type: "number" }] })).toEqual(["variables.1.name"]);
    expect(fields({ ...valid, variables: [{ name: "n", type: "number", default: "lots" }] })).toEqual(["variables.0.default"]);
    expect(fields({ ...valid, params: { temperature: 3, top_p: -1, max_tokens: 0, stop: ["a", "b", "c", "d", "e"] } })).toEqual([
      "params.temperature", "params.top_p", "params.max_tokens", "params.stop",
    ]);
    expect(fields({ ...valid, extra: 1 })).toEqual([""]);
  });

  it("stores a default coerced to its type", () => {
    const r = ZCreatePromptVersion.parse({ ...valid, variables: [{ name: "name", type: "number", default: "3" }] });
    expect(r.variables[0].default).toBe(3);
  });

  it("validates a response format's JSON Schema and names the broken place", () => {
    const fmt = (schema: unknown) => ({ ...valid, params: { response_format: { type: "json_schema", json_schema: { name: "answer", schema } } } });
    expect(fields(fmt({ type: "object", properties: { a: { type: "string" } }, required: ["a"] }))).toEqual([]);
    expect(fields(fmt({ type: "objekt" }))).toEqual(["params.response_format.json_schema.schema.type"]);
    expect(fields(fmt({ properties: { age: { type: "int" } } }))).toEqual(["params.response_format.json_schema.schema.properties.age.type"]);
    expect(fields(fmt({ type: "object", required: "a" }))).toEqual(["params.response_format.json_schema.schema.required"]);
    expect(fields(fmt({ description: "nothing" }))).toEqual(["params.response_format.json_schema.schema"]);
    expect(fields(fmt({ type: "array", items: { type: "string", pattern: "([" } }))).toEqual(["params.response_format.json_schema.schema.items.pattern"]);
    expect(fields(fmt("not an object"))).toEqual(["params.response_format.json_schema.schema"]);
    expect(fields({ ...valid, params: { response_format: { type: "yaml" } } })).toEqual(["params.response_format.type"]);
  });
});
