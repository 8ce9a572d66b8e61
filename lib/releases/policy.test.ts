import { describe, expect, it } from "vitest";
import { AppError, parseOrThrow } from "../errors";
import { DEFAULT_GATE_RULES, ZCreateGatePolicy, ZGateRules } from "./policy";

function refusal(body: unknown): AppError {
  try {
    parseOrThrow(ZCreateGatePolicy, body, "Gate policy");
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("gate policy rules", () => {
  it("accepts a full policy and the default", () => {
    const rules = {
      minJudgeScore: { faithfulness: 4, relevance: 3.5 }, maxRegression: 0.2, minPassRate: 0.9, maxCostPerRequestUsd: 0.002, maxP95LatencyMs: 3000,
      maxLanguageGap: 0.5, requiredDatasets: ["golden", "uat"], requiredReviews: 2, requiredSignoffs: 1, requireFinalApproval: true, fourEyes: true,
      allowedRegions: ["eu-west-1"], allowUncalibratedJudge: false, forbidFloatingModels: true, forbidDeprecatedModels: true,
    };
    expect(parseOrThrow(ZCreateGatePolicy, { rules }).rules).toEqual(rules);
    expect(ZGateRules.parse(DEFAULT_GATE_RULES)).toEqual(DEFAULT_GATE_RULES);
    expect(parseOrThrow(ZCreateGatePolicy, { rules: {} }).rules).toEqual({});
  });

  it.each([
    [{ minPassRate: 1.5 }, "rules.minPassRate", "at most 1"],
    [{ minPassRate: -0.1 }, "rules.minPassRate", "at least 0"],
    [{ minJudgeScore: { faithfulness: 6 } }, "rules.minJudgeScore.faithfulness", "at most 5"],
    [{ minJudgeScore: { Faith: 4 } }, "rules.minJudgeScore.Faith", "not a judge dimension name"],
    [{ maxRegression: -1 }, "rules.maxRegression", "at least 0"],
    [{ maxCostPerRequestUsd: 0 }, "rules.maxCostPerRequestUsd", "above 0"],
    [{ maxP95LatencyMs: 12.5 }, "rules.maxP95LatencyMs", "whole milliseconds"],
    [{ requiredSignoffs: -1 }, "rules.requiredSignoffs", ""],
    [{ allowedRegions: [] }, "rules.allowedRegions", "at least one region"],
    [{ minPassRate: "0.9" }, "rules.minPassRate", "must be a number"],
    [{ maxGap: 1 }, "rules", ""],
  ])("refuses %j with a 422 naming %s", (rules, field, message) => {
    const err = refusal({ rules });
    expect(err.status).toBe(422);
    const issue = err.issues!.find((i) => i.field === field);
    expect(issue, JSON.stringify(err.issues)).toBeDefined();
    expect(issue!.message).toContain(message);
  });
});
