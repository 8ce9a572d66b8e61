import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createEvalRun } from "../evals/runs/create-run";
import { executeEvalRun } from "../evals/runs/execute";
import { evalProject } from "../evals/runs/test-fixtures";
import { parseOrThrow } from "../errors";
import { createScoreConfig, createScoreConfigVersion, getScoreConfig, listScoreConfigs } from "./score-configs";
import { createLabelQueue, getLabelQueue, listLabelQueues } from "./queues";
import { updateLabelQueue } from "./queues-settings";
import { ZCreateLabelQueue, ZCreateScoreConfig, ZUpdateLabelQueue } from "./schemas";

// Rubrics and queues through the services, against the real database and a real (offline) eval run.

const dims = [
  { name: "faithfulness", kind: "scale", min: 1, max: 5, guidelines: "5 = every claim is in the context" },
  { name: "tone", kind: "categorical", categories: ["ok", "curt", "rude"], guidelines: "how it sounds" },
  { name: "safe", kind: "boolean", guidelines: "no harmful advice" },
];

async function setup() {
  const s = await evalProject({ kind: "offline" });
  const run = await createEvalRun(s.admin, s.runInput({ repeats: 2 }));
  const outcome = await executeEvalRun(s.project.id, run.id, { workerId: "labelling-test" });
  expect(outcome).toMatchObject({ ran: true, status: "completed" });
  const rubric = await createScoreConfig(s.admin, parseOrThrow(ZCreateScoreConfig, { name: "support quality", dimensions: dims, guidelines: "Read the context first." }));
  return { s, run, rubric };
}

const queueInput = (over: Record<string, unknown>) => parseOrThrow(ZCreateLabelQueue, { name: "q", annotatorsPerItem: 2, ...over });

describe("rubrics", () => {
  it("creates immutable versions, lists the latest, refuses duplicates, bad dimensions and people who may not manage", async () => {
    const { s, rubric } = await setup();
    expect(rubric.latestVersion).toMatchObject({ version: 1, changelog: "First version", dimensions: dims });
    const v2 = await createScoreConfigVersion(s.admin, rubric.id, { dimensions: dims.slice(0, 1) as never, guidelines: "Shorter.", changelog: "only faithfulness" });
    expect(v2.latestVersion).toMatchObject({ version: 2, guidelines: "Shorter." });
    const detail = await getScoreConfig(s.admin, rubric.id);
    expect(detail.versions.map((v) => [v.version, v.dimensions.length])).toEqual([[2, 1], [1, 3]]);
    expect((await listScoreConfigs(s.as("VIEWER"))).map((c) => c.latestVersion.version)).toEqual([2]);

    await expect(createScoreConfig(s.admin, parseOrThrow(ZCreateScoreConfig, { name: "support quality", dimensions: dims, guidelines: "x" }))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(() => parseOrThrow(ZCreateScoreConfig, { name: "r", dimensions: [{ name: "x", kind: "scale", min: 5, max: 1, guidelines: "g" }], guidelines: "g" })).toThrow(/max must be above min/);
    await expect(createScoreConfigVersion(s.as("VIEWER"), rubric.id, { dimensions: dims as never, guidelines: "g", changelog: "c" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createScoreConfigVersion(s.admin, "nope", { dimensions: dims as never, guidelines: "g", changelog: "c" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const audit = await db().auditEvent.findMany({ where: { projectId: s.project.id, resourceId: rubric.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["score_config.create", "score_config.version", "score_config.version"]);
  });
});

describe("queues", () => {
  it("takes an eval run's items once, with their snapshot, pinned to a rubric version", async () => {
    const { s, run, rubric } = await setup();
    const engineer = s.as("ENGINEER");
    const engineerId = engineer.kind === "user" ? engineer.userId : "";
    const q = await createLabelQueue(engineer, queueInput({
      scoreConfigVersionId: rubric.latestVersion.id, assigneeIds: [engineerId], dueAt: "2030-01-01T00:00:00Z", source: { kind: "eval_run", runId: run.id, mode: "all" },
    }));
    const datasetItems = await db().datasetItem.count({ where: { datasetVersionId: (await db().evalRun.findUniqueOrThrow({ where: { id: run.id } })).datasetVersionId } });
    expect(q).toMatchObject({ items: datasetItems, counts: { open: datasetItems, gold: 0 }, rubric: { name: "support quality", version: 1 }, annotatorsPerItem: 2, adjudicationThreshold: 1, lockMinutes: 30 });
    expect(q.assignees).toEqual([{ id: engineerId, name: expect.any(String) }]);

    const items = await db().labelItem.findMany({ where: { queueId: q.id }, orderBy: { position: "asc" }, include: { slots: true } });
    expect(items.every((i) => i.slots.length === 2 && i.sourceKind === "eval_result")).toBe(true);
    const first = items[0];
    const result = await db().evalResult.findUniqueOrThrow({ where: { id: first.sourceId } });
    expect(result.repeat).toBe(0);
    expect(first.output).toBe(result.output);
    expect(first.input).toBe("How long do refunds take?");
    expect(first.reference).toBe("Refunds are accepted within 30 days.");
    expect(first.meta).toMatchObject({ runId: run.id, itemKey: "refund-window", judgeModelVersionId: s.judgeModel.id, judge: { faithfulness: expect.any(Number) } });
    expect(Object.values((first.meta as { judge: Record<string, number> }).judge).every((v) => v >= 1 && v <= 5)).toBe(true);

    // the assignee is told, once
    expect(await db().notification.count({ where: { projectId: s.project.id, userId: engineerId, kind: "labelling.items" } })).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { resourceId: q.id, action: "label_queue.create" } });
    expect(audit.after).toMatchObject({ items: datasetItems, source: { kind: "eval_run", runId: run.id } });

    // a sample of one is reproducible
    const a = await createLabelQueue(s.admin, queueInput({ name: "a", scoreConfigVersionId: rubric.latestVersion.id, source: { kind: "eval_run", runId: run.id, mode: "sample", size: 1, seed: 7 } }));
    const b = await createLabelQueue(s.admin, queueInput({ name: "b", scoreConfigVersionId: rubric.latestVersion.id, source: { kind: "eval_run", runId: run.id, mode: "sample", size: 1, seed: 7 } }));
    const pick = async (id: string) => (await db().labelItem.findMany({ where: { queueId: id }, select: { sourceId: true } })).map((i) => i.sourceId);
    expect(a.items).toBe(1);
    expect(await pick(a.id)).toEqual(await pick(b.id));

    expect((await listLabelQueues(s.as("VIEWER"))).map((x) => x.name)).toEqual(["b", "a", "q"]);
    expect((await getLabelQueue(s.as("VIEWER"), q.id)).source).toMatchObject({ kind: "eval_run", seed: expect.any(Number) });
  });

  it("refuses bad input with a 4xx and writes nothing", async () => {
    const { s, run, rubric } = await setup();
    const viewer = s.as("VIEWER");
    const viewerId = viewer.kind === "user" ? viewer.userId : "";
    const base = { scoreConfigVersionId: rubric.latestVersion.id, source: { kind: "eval_run", runId: run.id, mode: "all" } };
    await expect(createLabelQueue(viewer, queueInput(base))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createLabelQueue(s.admin, queueInput({ ...base, assigneeIds: [viewerId] }))).rejects.toMatchObject({ code: "VALIDATION", issues: [{ field: "assigneeIds" }] });
    await expect(createLabelQueue(s.admin, queueInput({ ...base, scoreConfigVersionId: "nope" }))).rejects.toMatchObject({ code: "VALIDATION", issues: [{ field: "scoreConfigVersionId" }] });
    await expect(createLabelQueue(s.admin, queueInput({ ...base, source: { kind: "eval_run", runId: "nope", mode: "all" } }))).rejects.toMatchObject({ issues: [{ field: "source.runId" }] });
    expect(() => queueInput({ ...base, annotatorsPerItem: 6 })).toThrow(/annotatorsPerItem/);
    expect(() => queueInput({ ...base, dueAt: "tomorrow" })).toThrow(/dueAt/);
    // a run without judge scores has no "least confident" items: refused, not an empty queue
    await db().evalResult.updateMany({ where: { runId: run.id }, data: { scores: {} } });
    await expect(createLabelQueue(s.admin, queueInput({ ...base, source: { kind: "eval_run", runId: run.id, mode: "low_confidence", size: 3 } }))).rejects.toMatchObject({
      code: "VALIDATION", issues: [{ field: "source.mode", message: expect.stringContaining("judge scores") }],
    });
    await createLabelQueue(s.admin, queueInput(base));
    await expect(createLabelQueue(s.admin, queueInput(base))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().labelQueue.count({ where: { projectId: s.project.id } })).toBe(1);
  });

  it("changes settings: more annotators add slots, fewer is refused past the labels given, archive stops sampling", async () => {
    const { s, run, rubric } = await setup();
    const q = await createLabelQueue(s.admin, queueInput({ scoreConfigVersionId: rubric.latestVersion.id, source: { kind: "eval_run", runId: run.id, mode: "sample", size: 2 } }));
    const slots = () => db().labelSlot.count({ where: { queueId: q.id } });
    expect(await slots()).toBe(4);

    const grown = await updateLabelQueue(s.admin, q.id, parseOrThrow(ZUpdateLabelQueue, { annotatorsPerItem: 3, lockMinutes: 10, dueAt: null }));
    expect(grown).toMatchObject({ annotatorsPerItem: 3, lockMinutes: 10, dueAt: null });
    expect(await slots()).toBe(6);

    // two people labelled the first item: it cannot go below two
    const item = await db().labelItem.findFirstOrThrow({ where: { queueId: q.id }, orderBy: { position: "asc" }, include: { slots: { orderBy: { slot: "asc" } } } });
    const label = { faithfulness: 4, tone: "ok", safe: true };
    const engineer = s.as("ENGINEER");
    for (const [n, who] of [[0, s.admin], [1, engineer]] as const) {
      await db().labelSlot.update({
        where: { id: item.slots[n].id },
        data: { status: "submitted", userId: who.kind === "user" ? who.userId : null, scores: label, submittedAt: new Date(Date.now() + n) },
      });
    }
    await expect(updateLabelQueue(s.admin, q.id, parseOrThrow(ZUpdateLabelQueue, { annotatorsPerItem: 1 }))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateLabelQueue(s.admin, q.id, parseOrThrow(ZUpdateLabelQueue, { scoreConfigVersionId: rubric.latestVersion.id, cadenceMinutes: 5 }))).rejects.toMatchObject({ code: "VALIDATION" });

    // down to two: the labelled item is complete and agrees, so it is gold by consensus
    const shrunk = await updateLabelQueue(s.admin, q.id, parseOrThrow(ZUpdateLabelQueue, { annotatorsPerItem: 2 }));
    expect(shrunk.counts).toEqual({ open: 1, needs_adjudication: 0, gold: 1 });
    expect(await slots()).toBe(4);
    const gold = await db().labelItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(gold).toMatchObject({ status: "gold", goldSource: "consensus", gold: { scores: label } });

    const archived = await updateLabelQueue(s.admin, q.id, { archived: true });
    expect(archived.archivedAt).not.toBeNull();
    expect((await listLabelQueues(s.admin)).map((x) => x.id)).not.toContain(q.id);
    expect((await listLabelQueues(s.admin, { archived: true })).map((x) => x.id)).toEqual([q.id]);
    const actions = (await db().auditEvent.findMany({ where: { resourceId: q.id }, orderBy: { seq: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["label_queue.create", "label_queue.update", "label_queue.update", "label_queue.archive"]);
  });
});
