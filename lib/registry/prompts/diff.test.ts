import { describe, expect, it } from "vitest";
import { diffPromptVersions, type DiffableVersion } from "./diff";

const base = {
  messages: [
    { role: "system", content: "You are a polite support agent for Acme." },
    { role: "user", content: "Question: {{question}}" },
  ],
  variables: [{ name: "question", type: "string", required: true }],
  params: { temperature: 0.2, max_tokens: 300 },
  modelVersionId: "m1" as string | null,
};

const text = (parts: { value: string; added: boolean; removed: boolean }[], side: "before" | "after") =>
  parts.filter((p) => (side === "before" ? !p.added : !p.removed)).map((p) => p.value).join("");

describe("diffPromptVersions", () => {
  it("reports identical versions as identical", () => {
    const d = diffPromptVersions(base, structuredClone(base));
    expect(d.identical).toBe(true);
    expect(d.fields).toEqual([]);
    expect(d.messages.map((m) => m.status)).toEqual(["unchanged", "unchanged"]);
  });

  it("diffs message text word by word", () => {
    const b = structuredClone(base);
    b.messages[0] = { role: "system", content: "You are a friendly support agent for Acme." };
    const d = diffPromptVersions(base, b);
    const m = d.messages[0];
    expect(m.status).toBe("changed");
    expect(m.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["polite"]);
    expect(m.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["friendly"]);
    expect(text(m.parts, "before")).toBe(base.messages[0].content);
    expect(text(m.parts, "after")).toBe(b.messages[0].content);
    expect(d.messages[1].status).toBe("unchanged");
    expect(d.identical).toBe(false);
  });

  it("shows a whitespace-only change instead of hiding it", () => {
    const b = structuredClone(base);
    b.messages[1] = { role: "user", content: "Question:\n{{question}}" };
    const m = diffPromptVersions(base, b).messages[1];
    expect(m.status).toBe("changed");
    expect(m.whitespaceOnly).toBe(true);
    expect(m.parts.some((p) => p.added && p.value.includes("\n"))).toBe(true);
  });

  it("shows role changes and added or removed messages", () => {
    const b = structuredClone(base);
    b.messages[1] = { role: "assistant", content: base.messages[1].content };
    b.messages.push({ role: "user", content: "Thanks" });
    const d = diffPromptVersions(base, b);
    expect(d.messages[1]).toMatchObject({ status: "changed", roleBefore: "user", roleAfter: "assistant" });
    expect(d.messages[2]).toMatchObject({ status: "added", roleBefore: null, roleAfter: "user", parts: [{ value: "Thanks", added: true }] });
    const back = diffPromptVersions(b, base);
    expect(back.messages[2]).toMatchObject({ status: "removed", roleBefore: "user", roleAfter: null });
  });

  it("lists parameter, variable and model changes field by field", () => {
    const b = {
      ...structuredClone(base),
      params: { temperature: 0.7, max_tokens: 300, stop: ["END"] } as DiffableVersion["params"],
      variables: [{ name: "question", type: "string", required: false }, { name: "tone", type: "string", required: true }],
      modelVersionId: null,
    };
    const d = diffPromptVersions(base, b);
    expect(d.fields).toEqual([
      { field: "model", before: "m1", after: null },
      { field: "params.stop", before: null, after: ["END"] },
      { field: "params.temperature", before: 0.2, after: 0.7 },
      { field: "variables.question", before: base.variables[0], after: b.variables[0] },
      { field: "variables.tone", before: null, after: b.variables[1] },
    ]);
  });
});
