import { describe, expect, it } from "vitest";
import { ZJsonSchemaConfig, scoreJsonSchema, scoreJsonValid } from "./json";

const schema = {
  type: "object",
  required: ["name", "age"],
  properties: { name: { type: "string" }, age: { type: "integer", minimum: 0 } },
  example: { name: "x", age: 1 }, // an annotation ajv does not know must not break the config
};

describe("JSON validity", () => {
  it("accepts JSON, also inside a ```json fence", () => {
    expect(scoreJsonValid('{"a": [1, 2]}')).toMatchObject({ score: 1, passed: true });
    expect(scoreJsonValid('```json\n{"a": 1}\n```')).toMatchObject({ score: 1, passed: true });
  });

  it("rejects prose, truncated JSON and an empty answer with the reason", () => {
    expect(scoreJsonValid("Sure, here it is")).toMatchObject({ score: 0, passed: false });
    expect(scoreJsonValid('{"a": 1').explanation).toMatch(/^Not valid JSON/);
    expect(scoreJsonValid("   ").explanation).toContain("empty");
  });
});

describe("JSON Schema conformance", () => {
  const config = ZJsonSchemaConfig.parse({ schema });

  it("passes a conforming object", () => {
    expect(scoreJsonSchema('```json\n{"name": "Sara", "age": 31}\n```', config)).toMatchObject({ score: 1, passed: true });
  });

  it("reports the instance path and message of the first errors", () => {
    const result = scoreJsonSchema('{"name": 5, "age": -1}', config);
    expect(result).toMatchObject({ score: 0, passed: false });
    expect(result.explanation).toContain("/name must be string");
    expect(result.explanation).toContain("/age must be >= 0");
    expect(scoreJsonSchema('{"name": "x"}', config).explanation).toContain("/ must have required property 'age'");
  });

  it("fails invalid JSON before schema validation", () => {
    expect(scoreJsonSchema("not json", config).explanation).toMatch(/^Not valid JSON/);
  });

  it("refuses a broken schema at config time", () => {
    const bad = ZJsonSchemaConfig.safeParse({ schema: { type: "strnig" } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(["schema"]);
  });
});
