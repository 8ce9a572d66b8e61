import { describe, expect, it } from "vitest";
import { ZCreatePromptVersion, type TPromptVersion } from "@/lib/registry/prompts/schemas";
import { promptContentHash } from "@/lib/registry/prompts/hash";
import { emptyState, stateFromVersion, toPayload } from "./editor-state";

const stored: TPromptVersion = {
  id: "v1", promptId: "p1", name: "support", version: 4, changelog: "x", contentHash: "", restoredFrom: null, author: "a", createdAt: "2025-01-01T00:00:00.000Z",
  messages: [{ role: "system", content: "Hi {{who}}{{#items}} {{.}}{{/items}} {{n}} {{flag}} {{label}}" }],
  variables: [
    { name: "who", type: "string", required: true, description: "the customer" },
    { name: "items", type: "json", required: false, default: ["a", 1] },
    { name: "n", type: "number", required: false, default: 3 },
    { name: "flag", type: "boolean", required: false, default: false },
    { name: "label", type: "json", required: false, default: "plain" },
  ],
  params: { temperature: 0.2, top_p: 0.9, max_tokens: 200, stop: ["END", "###"], response_format: { type: "json_schema", json_schema: { name: "out", schema: { type: "object" } } } },
  modelVersionId: "m1",
};

describe("editor state", () => {
  it("opening a stored version and saving it unchanged yields the same content hash", () => {
    const state = stateFromVersion(stored, { description: "d", tags: ["a", "b"] });
    const { payload, local } = toPayload({ ...state, changelog: "no change" });
    expect(local).toEqual([]);
    const parsed = ZCreatePromptVersion.parse(payload);
    expect(promptContentHash(parsed)).toBe(promptContentHash(stored));
    expect(parsed.tags).toEqual(["a", "b"]);
  });

  it("reports a JSON Schema that is not JSON before sending", () => {
    const s = emptyState();
    s.params.format = "json_schema";
    s.params.schemaText = "{ type: object }";
    expect(toPayload(s).local).toEqual([{ field: "params.response_format.json_schema.schema", message: expect.stringContaining("not valid JSON") }]);
  });

  it("leaves out empty parameters", () => {
    expect(toPayload(emptyState()).payload.params).toEqual({});
  });
});
