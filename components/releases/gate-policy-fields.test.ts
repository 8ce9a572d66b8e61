import { describe, expect, it } from "vitest";
import { ZGateRules, DEFAULT_GATE_RULES } from "@/lib/releases/policy";
import { RULE_SECTIONS, fieldValue, rulesFromForm } from "./gate-policy-fields";

describe("gate policy form", () => {
  const fields = RULE_SECTIONS.flatMap((s) => s.fields);

  it("has a field for every rule the server accepts (judge scores have their own rows)", () => {
    const ruleKeys = Object.keys(ZGateRules.shape).filter((k) => k !== "minJudgeScore").sort();
    expect(fields.map((f) => f.key).sort()).toEqual(ruleKeys);
  });

  it("round-trips the default policy: the form shows it and sends the same rules back", () => {
    const values = Object.fromEntries(fields.map((f) => [f.key, fieldValue(DEFAULT_GATE_RULES, f)]));
    const judge = Object.entries(DEFAULT_GATE_RULES.minJudgeScore ?? {}).map(([dimension, min]) => ({ dimension, min: String(min) }));
    expect(ZGateRules.parse(rulesFromForm(values, judge))).toEqual(DEFAULT_GATE_RULES);
  });

  it("leaves empty boxes and unchecked boxes out, splits lists, and sends an unchecked uncalibrated judge as false", () => {
    const rules = rulesFromForm({ minPassRate: " 0.9 ", maxP95LatencyMs: "", requiredDatasets: "support-golden, support-uat,", fourEyes: false, allowUncalibratedJudge: false }, [
      { dimension: "faithfulness", min: "4" }, { dimension: "", min: "3" },
    ]);
    expect(rules).toEqual({ minPassRate: 0.9, requiredDatasets: ["support-golden", "support-uat"], allowUncalibratedJudge: false, minJudgeScore: { faithfulness: 4 } });
  });
});
