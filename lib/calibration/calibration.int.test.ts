import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError, parseOrThrow } from "../errors";
import { addLabelItems } from "../labelling/add-items";
import type { RubricDimension } from "../labelling/rubric";
import { startFakeOpenAIServer } from "../providers/testing/fake-openai-server";
import { isJudgeRequest, judgeReply, type EvalItem } from "../evals/runs/test-fixtures";
import { createGatePolicy } from "../releases/policy";
import { releaseGate } from "../releases/service";
import { applyReleaseAction } from "../releases/workflow";
import { releaseProject, type ReleaseSetup } from "../releases/test-fixtures";
import { createApiKey } from "../apikeys/service";
import { GET as calibrationRoute } from "../../app/api/v1/projects/[project]/judges/calibration/route";
import { ZCalibrationReport, ZCalibrationSettings } from "./schemas";
import { getJudgeCalibration, updateCalibrationSettings } from "./service";
import { quadraticWeightedKappa, spearman } from "./stats";

// Judge calibration against real PostgreSQL: a real eval run (the real engine, a fake OpenAI judge whose
// scores we choose per item), gold labels built directly as rows through addLabelItems, then the
// figures and the gate's judge_calibration check.

const ITEMS: EvalItem[] = [1, 2, 3, 4, 5, 6].map((i) => ({ key: `item-${i}`, question: `Question number ${i}?`, language: "en", context: ["Refunds take 30 days."] }));
// the judge's scores per item, and each answer's length grows with the item (for verbosity bias)
const JUDGE = {
  faithfulness: [1, 2, 3, 4, 5, 3],
  relevance: [2, 2, 4, 4, 5, 5],
  completeness: [3, 4, 5, 3, 4, 5],
};
const itemIndexOf = (text: string) => ITEMS.findIndex((it) => text.includes(it.question));

let openai: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
beforeAll(async () => {
  openai = await startFakeOpenAIServer();
});
afterAll(async () => {
  await openai.close();
});
beforeEach(() => {
  openai.reset();
  openai.route = (r) => {
    const i = itemIndexOf(JSON.stringify(r.body?.messages ?? ""));
    if (i < 0) return undefined;
    if (isJudgeRequest(r)) return { type: "ok", text: judgeReply({ faithfulness: JUDGE.faithfulness[i], relevance: JUDGE.relevance[i], completeness: JUDGE.completeness[i] }) };
    return { type: "ok", text: `Refunds take 30 days.${" More detail.".repeat(i * 3)}` };
  };
});

const scale = (name: string, min = 1, max = 5): RubricDimension => ({ name, kind: "scale", min, max, guidelines: `${name}: 1 worst, 5 best` });

/** A queue on the run with these rubric dimensions whose items are all gold with the given scores (by item index). */
async function goldQueue(s: ReleaseSetup, runId: string, dimensions: RubricDimension[], gold: (i: number) => Record<string, number>, status: "gold" | "open" = "gold") {
  const name = `rubric-${Math.random().toString(36).slice(2, 8)}`;
  const config = await db().scoreConfig.create({
    data: { projectId: s.project.id, name, versions: { create: { projectId: s.project.id, version: 1, dimensions, guidelines: "Score against the reference.", changelog: "first", authorLabel: "test" } } },
    select: { versions: { select: { id: true } } },
  });
  const queue = await db().labelQueue.create({
    data: { projectId: s.project.id, name: `queue-${name}`, scoreConfigVersionId: config.versions[0].id, source: { kind: "eval_run", runId, mode: "all" }, authorLabel: "test" },
  });
  const results = await db().evalResult.findMany({ where: { runId }, orderBy: { itemPosition: "asc" } });
  await db().$transaction((tx) => addLabelItems(tx, queue.id, results.map((r) => ({
    sourceKind: "eval_result" as const, sourceId: r.id, input: r.itemKey,
    output: r.output ?? "", language: r.language, meta: { runId, itemKey: r.itemKey },
  }))));
  for (const r of results) {
    const i = ITEMS.findIndex((it) => it.key === r.itemKey);
    await db().labelItem.updateMany({
      where: { queueId: queue.id, sourceId: r.id },
      data: { status, gold: status === "gold" ? { scores: gold(i), tags: [] } : undefined, goldSource: "single", goldAt: new Date() },
    });
  }
  return queue;
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError");
}

describe("judge calibration", () => {
  it("computes kappa, Spearman, MAE, confusion and verbosity bias per judge dimension from gold labels only", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl, items: ITEMS });
    await updateCalibrationSettings(s.admin, { calibrationKappaThreshold: 0.6, calibrationMinSample: 5 });
    expect((await getJudgeCalibration(s.admin)).judges).toEqual([]);
    const run = await s.evaluate();

    const humanRelevance = [1, 2, 3, 4, 5, 5];
    // not gold yet (and open items must never count), and a 0–10 "faithfulness" measures something else
    await goldQueue(s, run.id, [scale("faithfulness")], () => ({ faithfulness: 1 }), "open");
    await goldQueue(s, run.id, [scale("faithfulness", 0, 10)], () => ({ faithfulness: 0 }));
    expect((await getJudgeCalibration(s.admin)).judges[0].dimensions.map((d) => [d.dimension, d.n])).toEqual([["completeness", 0], ["faithfulness", 0], ["relevance", 0]]);

    await goldQueue(s, run.id, [scale("faithfulness"), scale("relevance"), scale("completeness")], (i) => ({
      faithfulness: JUDGE.faithfulness[i], relevance: humanRelevance[i], completeness: JUDGE.completeness[i],
    }));
    const report = await getJudgeCalibration(s.admin);
    expect(report).toMatchObject({ kappaThreshold: 0.6, minSample: 5, scale: { min: 1, max: 5 } });
    expect(report.judges).toHaveLength(1);
    const judge = report.judges[0];
    expect(judge).toMatchObject({ judgeModelVersionId: s.judgeModel.id, model: "Judge", prompt: { name: "judge-default", version: 1 }, calibrated: true });
    const dim = Object.fromEntries(judge.dimensions.map((d) => [d.dimension, d]));

    expect(dim.faithfulness).toMatchObject({ n: 6, kappa: 1, spearman: 1, meanAbsoluteError: 0, calibrated: true, reason: null });
    expect(dim.faithfulness.kappaInterval).toMatchObject({ estimate: 1, low: 1, high: 1, n: 6 });

    const pairs = humanRelevance.map((h, i) => ({ human: h, judge: JUDGE.relevance[i] }));
    expect(dim.relevance.n).toBe(6);
    expect(dim.relevance.kappa).toBeCloseTo(quadraticWeightedKappa(pairs, { min: 1, max: 5 })!, 12);
    expect(dim.relevance.kappa!).toBeGreaterThan(0.8);
    expect(dim.relevance.spearman).toBeCloseTo(spearman(humanRelevance, JUDGE.relevance)!, 12);
    expect(dim.relevance.meanAbsoluteError).toBeCloseTo(2 / 6, 12);
    // rows: human 1..5, columns: judge 1..5
    expect(dim.relevance.confusion.counts).toEqual([
      [0, 1, 0, 0, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 2],
    ]);
    const iv = dim.relevance.kappaInterval!;
    expect(iv.low).toBeLessThanOrEqual(dim.relevance.kappa!);
    expect(iv.high).toBeGreaterThanOrEqual(dim.relevance.kappa!);
    // answers grow with the item; judge and humans agree perfectly on faithfulness, so no bias there
    expect(dim.faithfulness.verbosityBias!.bias).toBeCloseTo(0, 12);
    expect(dim.relevance.verbosityBias!.judge).toBeCloseTo(spearman(JUDGE.relevance, [1, 2, 3, 4, 5, 6])!, 12);
    expect(dim.relevance.verbosityBias!.bias).toBeCloseTo(spearman(JUDGE.relevance, [1, 2, 3, 4, 5, 6])! - spearman(humanRelevance, [1, 2, 3, 4, 5, 6])!, 12);

    // the same report over the public API, for any key of the project; a made-up key is a 401
    const key = await createApiKey(s.admin, { name: "reader", scopes: ["traces:read"] });
    const call = (headers: Record<string, string>) => calibrationRoute(
      new Request(`http://x/api/v1/projects/${s.project.slug}/judges/calibration`, { headers }), { params: Promise.resolve({ project: s.project.slug }) },
    );
    const res = await call({ authorization: `Bearer ${key.token}` });
    expect(res.status).toBe(200);
    const body = ZCalibrationReport.parse(await res.json());
    expect(body.judges[0].dimensions.find((d) => d.dimension === "relevance")!.kappa).toBeCloseTo(dim.relevance.kappa!, 12);
    expect((await call({ authorization: "Bearer fdk_not-a-real-key-000000000000" })).status).toBe(401);

    // a stricter project: the same labels are too few and kappa too low
    await updateCalibrationSettings(s.admin, { calibrationKappaThreshold: 0.99, calibrationMinSample: 10 });
    const strict = await getJudgeCalibration(s.admin);
    const rel = strict.judges[0].dimensions.find((d) => d.dimension === "relevance")!;
    expect(rel.calibrated).toBe(false);
    expect(rel.reason).toBe(`only 6 of 10 gold labels; kappa ${rel.kappa!.toFixed(2)} below 0.99`);
    expect(strict.judges[0].calibrated).toBe(false);
  });

  it("settings: admins only, bounded, audited", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl, items: ITEMS });
    expect((await errorOf(updateCalibrationSettings(s.as("ENGINEER"), { calibrationKappaThreshold: 0.5, calibrationMinSample: 5 }))).status).toBe(403);
    for (const bad of [{ calibrationKappaThreshold: 1.2, calibrationMinSample: 20 }, { calibrationKappaThreshold: 0.5, calibrationMinSample: 4 }, { calibrationKappaThreshold: 0.5, calibrationMinSample: 7.5 }]) {
      expect(() => parseOrThrow(ZCalibrationSettings, bad)).toThrow(AppError);
    }
    const before = await db().project.findUniqueOrThrow({ where: { id: s.project.id } });
    expect(before).toMatchObject({ calibrationKappaThreshold: 0.6, calibrationMinSample: 20 });
    await updateCalibrationSettings(s.admin, parseOrThrow(ZCalibrationSettings, { calibrationKappaThreshold: "0.7", calibrationMinSample: "8" }));
    expect(await db().project.findUniqueOrThrow({ where: { id: s.project.id } })).toMatchObject({ calibrationKappaThreshold: 0.7, calibrationMinSample: 8 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { projectId: s.project.id, action: "project.calibration.update" } });
    expect(audit).toMatchObject({ before: { calibrationKappaThreshold: 0.6, calibrationMinSample: 20 }, after: { calibrationKappaThreshold: 0.7, calibrationMinSample: 8 } });
  });

  it("a policy that forbids uncalibrated judges refuses request_review until the judge is calibrated", async () => {
    const s = await releaseProject({ baseUrl: openai.baseUrl, items: ITEMS });
    await updateCalibrationSettings(s.admin, { calibrationKappaThreshold: 0.6, calibrationMinSample: 5 });
    await createGatePolicy(s.admin, { rules: { allowUncalibratedJudge: false } });
    const run = await s.evaluate();
    const release = await s.cut();
    await applyReleaseAction(s.engineer, release.id, "submit");

    const check = async () => (await releaseGate(s.admin, release.id, "request_review")).checks.find((c) => c.id === "judge_calibration")!;
    expect(await check()).toMatchObject({ passed: false });
    const refused = await errorOf(applyReleaseAction(s.engineer, release.id, "request_review"));
    expect(refused.status).toBe(422);
    expect(refused.message).toContain("Judge calibrated against human labels");
    expect((await db().release.findUniqueOrThrow({ where: { id: release.id } })).state).toBe("evaluating");

    // calibrated on two of the three dimensions is not enough: every dimension the judge scored gates
    await goldQueue(s, run.id, [scale("faithfulness"), scale("relevance")], (i) => ({ faithfulness: JUDGE.faithfulness[i], relevance: JUDGE.relevance[i] }));
    expect(await check()).toMatchObject({ passed: false });

    await goldQueue(s, run.id, [scale("completeness")], (i) => ({ completeness: JUDGE.completeness[i] }));
    expect(await check()).toMatchObject({ passed: true, actual: 1, required: 1 });
    const moved = await applyReleaseAction(s.engineer, release.id, "request_review");
    expect((await db().release.findUniqueOrThrow({ where: { id: release.id } })).state).toBe("in_review");
    expect(moved).toBeDefined();
  });
});
