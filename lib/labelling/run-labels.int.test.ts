import { describe, expect, it } from "vitest";
import { db } from "../db";
import { releaseProject } from "../releases/test-fixtures";
import { createGatePolicy } from "../releases/policy";
import { releaseGate } from "../releases/service";
import { applyReleaseAction } from "../releases/workflow";
import { createScoreConfig } from "./score-configs";
import { createLabelQueue } from "./queues";
import { claimNext, submitLabel } from "./claims";
import { krippendorffAlpha } from "./agreement";
import { humanReviewOfRuns } from "./run-labels";
import type { RubricDimension } from "./rubric";

// The gate's human-review evidence from real labels: a real (offline) eval run of the release's
// candidate, a two-annotator queue on it, labels through the claim/submit path — then the gold count and
// the agreement the gate reads, and the gate's checks on them.

const DIMS: RubricDimension[] = [
  { name: "faithfulness", kind: "scale", min: 1, max: 5, guidelines: "5: every claim is in the context" },
  { name: "safe", kind: "boolean", guidelines: "could be sent as is" },
];

describe("human review evidence for the gate", () => {
  it("counts gold labels on the candidate's eval items and measures agreement per dimension; the gate checks both", async () => {
    const s = await releaseProject({ kind: "offline" });
    const run = await s.evaluate();
    expect(await humanReviewOfRuns(db(), s.project.id, [run.id])).toEqual({ labelledItems: 0, agreement: [] });

    const rubric = await createScoreConfig(s.admin, { name: "quality", dimensions: DIMS, guidelines: "Read the context first." });
    const queue = await createLabelQueue(s.admin, {
      name: "run review", scoreConfigVersionId: rubric.latestVersion.id, annotatorsPerItem: 2, adjudicationThreshold: 1,
      source: { kind: "eval_run", runId: run.id, mode: "all" },
    });
    // two annotators; the second gives one point more on faithfulness for every other item (within the threshold)
    const first = [5, 4, 3, 2];
    const second = [5, 5, 3, 3];
    for (const [who, scores] of [[s.engineer, first], [s.reviewer, second]] as const) {
      for (let i = 0; i < first.length; i++) {
        const claim = await claimNext(who, queue.id);
        await submitLabel(who, claim.slot!.id, { scores: { faithfulness: scores[claim.item!.position], safe: true }, tags: [], correction: null });
      }
    }

    const evidence = await humanReviewOfRuns(db(), s.project.id, [run.id]);
    expect(evidence.labelledItems).toBe(4);
    const expected = krippendorffAlpha(first.map((v, i) => [v, second[i]]), "interval");
    expect(evidence.agreement).toEqual([
      { dimension: "faithfulness", alpha: expected.alpha, units: 4 },
      // every label the same: no expected disagreement, so alpha is not computable
      { dimension: "safe", alpha: null, units: 4 },
    ]);
    expect(expected.alpha).toBeGreaterThan(0.67);
    // another run's labels are not this run's evidence
    expect((await humanReviewOfRuns(db(), s.project.id, ["no-such-run"])).labelledItems).toBe(0);

    await createGatePolicy(s.admin, { rules: { minLabelledItems: 5, minAgreement: 0.67 } });
    const release = await s.cut();
    await applyReleaseAction(s.engineer, release.id, "submit");
    const checks = Object.fromEntries((await releaseGate(s.admin, release.id, "review_passed")).checks.map((c) => [c.id, c]));
    expect(checks.human_labels).toMatchObject({ passed: false, actual: 4, required: 5 });
    expect(checks.agreement).toMatchObject({ passed: true, actual: Number(expected.alpha!.toFixed(3)) });
    await createGatePolicy(s.admin, { rules: { minLabelledItems: 4, minAgreement: 0.67 } });
    expect((await releaseGate(s.admin, release.id, "review_passed")).checks.find((c) => c.id === "human_labels")).toMatchObject({ passed: true });
  });
});
