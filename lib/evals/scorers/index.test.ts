import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { SCORERS, SCORER_NAMES, missingNeeds, parseScorerConfig, runScorer } from "./index";

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("scorer registry", () => {
  it("describes every scorer under its own name with a config schema and its needs", () => {
    for (const name of SCORER_NAMES) {
      expect(SCORERS[name].name).toBe(name);
      expect(SCORERS[name].description.length).toBeGreaterThan(10);
    }
    expect(SCORERS["exact-match"].needs).toEqual(["reference"]);
    expect(SCORERS.faithfulness.needs).toEqual(["context"]);
    expect(SCORERS.mrr.needs).toEqual(["retrievedDocIds", "relevantDocIds"]);
    expect(SCORERS.latency.needs).toEqual(["latency"]);
  });

  it("dispatches to the scorer with parsed defaults", async () => {
    expect(await runScorer("exact-match", {}, { output: " Paris ", reference: "Paris" })).toMatchObject({ score: 1, passed: true });
    expect(await runScorer("refusal", undefined, { output: "لا أستطيع المساعدة" })).toMatchObject({ score: 0, passed: false });
    expect(await runScorer("similarity", { threshold: 0.9 }, { output: "same words", reference: "same words" })).toMatchObject({ passed: true });
    expect(await runScorer("recall-at-k", { k: 2 }, { output: "", retrievedDocIds: ["a", "b", "c"], relevantDocIds: ["c"] })).toMatchObject({ score: 0 });
  });

  it("passes an embedder through to the similarity scorer", async () => {
    const result = await runScorer("similarity", {}, { output: "a", reference: "b" }, { embed: async () => [[1, 0], [0, 1]] });
    expect(result.score).toBe(0);
  });

  it("turns a bad config into a VALIDATION error naming the field", async () => {
    const err = await appErrorOf(runScorer("regex", { pattern: "(" }, { output: "x" }));
    expect(err.code).toBe("VALIDATION");
    expect(err.issues).toEqual([expect.objectContaining({ field: "pattern" })]);
    expect(err.message).toContain("regex scorer's configuration");
    expect(() => parseScorerConfig("latency", { maxMs: "fast" })).toThrow(/maxMs/);
    expect(() => parseScorerConfig("contains", { values: ["a"], typo: true })).toThrow(AppError);
  });

  it("refuses an unknown scorer", async () => {
    const err = await appErrorOf(runScorer("bleu", {}, { output: "x" }));
    expect(err.message).toContain('Unknown scorer "bleu"');
    await appErrorOf(runScorer("toString", {}, { output: "x" }));
  });

  it("refuses an item that lacks what the scorer reads instead of scoring it 0", async () => {
    const err = await appErrorOf(runScorer("exact-match", {}, { output: "Paris" }));
    expect(err.message).toBe("The exact-match scorer needs a reference answer; this item has none.");
    expect(err.issues).toEqual([{ field: "reference", message: "required by this scorer" }]);
    expect(missingNeeds("mrr", { output: "", retrievedDocIds: [] , relevantDocIds: [] })).toEqual(["relevantDocIds"]);
    expect(missingNeeds("faithfulness", { output: "", context: [] })).toEqual(["context"]);
    expect(missingNeeds("cost", { output: "", costUsd: Number.NaN })).toEqual(["cost"]);
  });
});
