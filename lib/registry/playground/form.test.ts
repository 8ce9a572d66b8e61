import { describe, expect, it } from "vitest";
import { defaultText, formatCostUsd, splitContextChunks, toRunInput } from "./form";

describe("splitContextChunks", () => {
  it("makes one chunk per paragraph, trimming and dropping empty ones", () => {
    expect(splitContextChunks("  First line\nstill first.\n\n\nSecond.\r\n  \r\nThird  \n\n")).toEqual(["First line\nstill first.", "Second.", "Third"]);
    expect(splitContextChunks("   \n\n ")).toEqual([]);
  });
});

describe("toRunInput", () => {
  const form = { prompt: "p", version: 2, modelVersionId: "m1", variables: { a: "x", b: "  ", n: "3" }, context: "one\n\ntwo", retrieval: "", retrievalQuery: "", temperature: "", maxTokens: "" };

  it("leaves out empty variables so declared defaults apply, and splits the context", () => {
    expect(toRunInput(form)).toEqual({ prompt: "p", version: 2, modelVersionId: "m1", variables: { a: "x", n: "3" }, contextChunks: ["one", "two"], params: {} });
  });

  it("sends parameter overrides as numbers only when filled in, and no model when none is chosen", () => {
    const input = toRunInput({ ...form, modelVersionId: "", temperature: "0.5", maxTokens: "64" });
    expect(input.params).toEqual({ temperature: 0.5, max_tokens: 64 });
    expect(input).not.toHaveProperty("modelVersionId");
  });

  it("names the retrieval config version, with a query only when one is typed", () => {
    expect(toRunInput({ ...form, retrieval: "help@centre@3" }).retrieval).toEqual({ config: "help@centre", version: 3 });
    expect(toRunInput({ ...form, retrieval: "kb@1", retrievalQuery: " refunds " }).retrieval).toEqual({ config: "kb", version: 1, query: "refunds" });
    expect(toRunInput(form)).not.toHaveProperty("retrieval");
  });
});

describe("display helpers", () => {
  it("prints defaults as text and costs with six decimals", () => {
    expect([defaultText(undefined), defaultText("hi"), defaultText(3), defaultText({ a: 1 })]).toEqual(["", "hi", "3", '{"a":1}']);
    expect(formatCostUsd(0.000537)).toBe("$0.000537");
    expect(formatCostUsd(0)).toBe("$0.000000");
  });
});
