import { describe, expect, it } from "vitest";
import { ZCreateEvalRun } from "@/lib/evals/runs/schemas";
import { initialDraft, newScorerDraft, toCreateInput, type NewRunChoices } from "./run-form";
import { scorerChoices } from "./scorer-choices";

const scorers = scorerChoices();
const choices: NewRunChoices = {
  datasets: [{ name: "support-golden", versions: [{ version: 1, itemCount: 6 }, { version: 2, itemCount: 8 }] }],
  prompts: [
    { name: "judge-default", versions: [{ version: 1, modelVersionId: "judge-model" }] },
    { name: "customer-support", versions: [{ version: 3, modelVersionId: "m3" }, { version: 1, modelVersionId: null }] },
  ],
  models: [{ id: "m3", label: "Model 3" }, { id: "judge-model", label: "Judge" }],
  retrievalConfigs: [{ name: "help-centre", versions: [2, 1] }],
  scorers,
  runs: [{ id: "r1", name: "last", dataset: "support-golden", status: "completed", createdAt: "2025-01-01T00:00:00.000Z", retrieval: "help-centre@1" }],
  defaultRubric: [{ name: "faithfulness", description: "supported by the context" }],
  judgeDefaults: { prompt: "judge-default", modelVersionId: null },
};
const choice = (name: string) => scorers.find((s) => s.name === name)!;

describe("new run form", () => {
  it("derives every registry scorer's fields from its schema, with defaults and bounds", () => {
    expect(scorers.map((s) => s.name)).toContain("similarity");
    expect(choice("similarity").fields).toEqual([{ name: "threshold", kind: "number", required: false, default: 0.6, min: 0, max: 1 }]);
    expect(choice("contains").fields.find((f) => f.name === "values")).toMatchObject({ kind: "list", required: true });
    expect(choice("json-schema").fields).toEqual([{ name: "schema", kind: "json", required: true }]);
    expect(choice("length").fields.find((f) => f.name === "unit")).toMatchObject({ kind: "enum", options: ["chars", "tokens"], default: "chars" });
  });

  it("starts from the latest versions, the prompt's own model and the default judge", () => {
    const d = initialDraft(choices);
    expect(d).toMatchObject({ dataset: "support-golden", datasetVersion: "2", prompt: "customer-support", promptVersion: "3", modelVersionId: "m3" });
    expect(d).toMatchObject({ judge: true, judgePrompt: "judge-default", judgePromptVersion: "1", judgeModelVersionId: "judge-model" });
    // the dataset's last run used retrieval, so the next one starts with the same config version
    expect(d.retrieval).toBe("help-centre@1");
  });

  it("turns a draft into a body the server's schema accepts", () => {
    const draft = { ...initialDraft(choices), retrieval: "help-centre@2", repeats: "3", costCapUsd: "1.5" };
    const contains = newScorerDraft(choice("contains"));
    contains.values.values = "refund\n  14 days \n";
    const length = { ...newScorerDraft(choice("length")), key: "short" };
    length.values.max = "600";
    draft.scorers = [contains, length, newScorerDraft(choice("similarity"))];
    const { input, issues } = toCreateInput(draft, scorers);
    expect(issues).toEqual([]);
    const parsed = ZCreateEvalRun.parse(input);
    expect(parsed).toMatchObject({
      dataset: "support-golden", datasetVersion: 2, prompt: { name: "customer-support", version: 3 }, modelVersionId: "m3",
      retrieval: { config: "help-centre", version: 2 }, repeats: 3, costCapUsd: 1.5,
      judge: { prompt: { name: "judge-default", version: 1 }, modelVersionId: "judge-model", passAt: 4, rubric: { dimensions: [{ name: "faithfulness" }] } },
    });
    expect(parsed.scorers).toEqual([
      { type: "contains", config: { values: ["refund", "14 days"], mode: "all", ignoreCase: true, collapseWhitespace: true, normaliseArabic: false } },
      { type: "length", key: "short", config: { unit: "chars", max: 600 } },
      { type: "similarity", config: { threshold: 0.6 } },
    ]);
  });

  it("names a JSON config that does not parse before anything is sent", () => {
    const draft = initialDraft(choices);
    const schema = newScorerDraft(choice("json-schema"));
    schema.values.schema = "{not json";
    draft.scorers = [newScorerDraft(choice("similarity")), schema];
    expect(toCreateInput(draft, scorers).issues).toEqual([{ field: "scorers.1.config", message: "schema is not valid JSON" }]);
  });

  it("leaves the judge out when it is switched off", () => {
    const { input } = toCreateInput({ ...initialDraft(choices), judge: false, scorers: [newScorerDraft(choice("similarity"))] }, scorers);
    expect(ZCreateEvalRun.parse(input).judge).toBeUndefined();
  });
});
