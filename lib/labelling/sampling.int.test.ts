import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeProject } from "../../scripts/test/fixtures";
import { parseOrThrow } from "../errors";
import { createScoreConfig } from "./score-configs";
import { createLabelQueue } from "./queues";
import { sampleDueQueues } from "./sampling-run";
import { ZCreateLabelQueue } from "./schemas";

// The repeating samplers on real traces, spans and feedback rows: strata, the watermark, reruns of a
// window, two sweeps at once, and the assignee's notification.

const T0 = new Date("2026-01-01T00:00:00.000Z");
const MIN = 60_000;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN);

interface TraceSeed { traceId: string; start: Date; environment?: string; input: string; output?: string; docs?: { id: string; text: string }[] }

async function seedTraces(projectId: string, rows: TraceSeed[]) {
  for (const r of rows) {
    const end = new Date(r.start.getTime() + 1000);
    await db().trace.create({ data: { projectId, traceId: r.traceId, startTime: r.start, endTime: end, status: "ok", environment: r.environment ?? "production" } });
    const span = { projectId, traceId: r.traceId, startTime: r.start, endTime: end, durationMs: 1000, status: "ok" as const, costSource: "unknown" as const, attributes: {} };
    await db().span.create({ data: { ...span, spanId: "root", kind: "llm", name: "answer", input: r.input, output: r.output ?? `answer to ${r.traceId}` } });
    if (r.docs) await db().span.create({ data: { ...span, spanId: "ret", parentSpanId: "root", kind: "retrieval", name: "search", retrievedDocs: r.docs } });
  }
}

async function feedback(projectId: string, traceId: string, negative: boolean, comment?: string) {
  await db().feedback.create({
    data: { projectId, traceId, sourceId: `user-${traceId}-${negative}`, kind: "thumbs", value: negative ? 0 : 1, negative, comment: comment ?? null, actorType: "apiKey" },
  });
}

async function setup(source: Record<string, unknown>) {
  const p = await makeProject(["ADMIN", "REVIEWER"]);
  const rubric = await createScoreConfig(p.as("ADMIN"), { name: "r", dimensions: [{ name: "ok", kind: "boolean", guidelines: "g" }], guidelines: "g" });
  const queue = await createLabelQueue(p.as("ADMIN"), parseOrThrow(ZCreateLabelQueue, {
    name: "production sample", scoreConfigVersionId: rubric.latestVersion.id, annotatorsPerItem: 1, assigneeIds: [p.people.REVIEWER.userId], source,
  }));
  return { p, queue };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("traces source", () => {
  it("samples each stratum of the window once, moves the watermark, and never adds a trace twice", async () => {
    const { p, queue } = await setup({ kind: "traces", ratePercent: 10, cadenceMinutes: 60, environment: "production" });
    const projectId = p.project.id;
    await db().labelQueue.update({ where: { id: queue.id }, data: { sampledUntil: T0, nextSampleAt: at(60) } });
    await seedTraces(projectId, [
      ...range(30).map((i) => ({ traceId: `en-${i}`, start: at(1 + i), input: "Where is my order?" })),
      ...range(5).map((i) => ({ traceId: `en-neg-${i}`, start: at(35 + i), input: "The refund never came", docs: [{ id: "refunds.md", text: "Refunds take 5 days." }] })),
      ...range(3).map((i) => ({ traceId: `ar-${i}`, start: at(41 + i), input: "أين طلبي؟" })),
      { traceId: "ar-pos", start: at(45), input: "شكرا جزيلا" },
      ...range(10).map((i) => ({ traceId: `staging-${i}`, start: at(2 + i), environment: "staging", input: "test" })),
      // before the watermark, and too fresh (its spans may still be arriving)
      { traceId: "old", start: at(-5), input: "old" },
      { traceId: "fresh", start: at(59), input: "fresh" },
    ]);
    for (const i of range(5)) await feedback(projectId, `en-neg-${i}`, true, "wrong");
    await feedback(projectId, "ar-pos", false);

    // not due yet
    expect((await sampleDueQueues({ now: at(59) })).find((r) => r.queueId === queue.id)).toBeUndefined();
    const [run] = (await sampleDueQueues({ now: at(60) })).filter((r) => r.queueId === queue.id);
    // en|none 30 → 3; en|negative 5 → 1; ar|none 3 → 1; ar|positive 1 → 1
    expect(run.added).toBe(6);
    const items = await db().labelItem.findMany({ where: { queueId: queue.id }, orderBy: { position: "asc" }, include: { slots: true } });
    const strata = items.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.stratum!]: (acc[i.stratum!] ?? 0) + 1 }), {});
    expect(strata).toEqual({ "en|none": 3, "en|negative": 1, "ar|none": 1, "ar|positive": 1 });
    expect(items.every((i) => i.slots.length === 1 && i.sourceKind === "trace")).toBe(true);
    expect(items.map((i) => i.sourceId).some((id) => id.startsWith("staging") || id === "old" || id === "fresh")).toBe(false);

    const neg = items.find((i) => i.stratum === "en|negative")!;
    expect(neg).toMatchObject({ input: "The refund never came", output: `answer to ${neg.sourceId}`, language: "en", context: [{ text: "Refunds take 5 days.", docId: "refunds.md" }] });
    expect(neg.meta).toEqual({ traceId: neg.sourceId, feedback: { negative: true, comment: "wrong" } });
    expect(items.find((i) => i.stratum === "ar|none")).toMatchObject({ language: "ar", input: "أين طلبي؟" });

    const after = await db().labelQueue.findUniqueOrThrow({ where: { id: queue.id } });
    expect(after.sampledUntil).toEqual(at(58));
    expect(after.nextSampleAt).toEqual(at(120));
    expect(await db().notification.count({ where: { projectId, userId: p.people.REVIEWER.userId, kind: "labelling.items" } })).toBe(1);
    expect(await db().auditEvent.findFirst({ where: { resourceId: queue.id, action: "label_queue.sample" } })).toMatchObject({ actorType: "system", after: { added: 6 } });

    // the same window again (a crashed run's retry), twice at once: the same traces, nothing added twice
    await db().labelQueue.update({ where: { id: queue.id }, data: { sampledUntil: T0, nextSampleAt: at(60) } });
    const both = (await Promise.all([sampleDueQueues({ now: at(60) }), sampleDueQueues({ now: at(60) })])).flat().filter((r) => r.queueId === queue.id);
    expect(both).toEqual([{ queueId: queue.id, added: 0 }]);
    expect(await db().labelItem.count({ where: { queueId: queue.id } })).toBe(6);
    expect(await db().notification.count({ where: { projectId, userId: p.people.REVIEWER.userId, kind: "labelling.items" } })).toBe(1);

    // the next window starts at the watermark: the fresh trace is now in
    const [next] = (await sampleDueQueues({ now: at(120) })).filter((r) => r.queueId === queue.id);
    expect(next.added).toBe(1);
    expect(await db().labelItem.findFirst({ where: { queueId: queue.id, sourceId: "fresh" } })).not.toBeNull();
  });

  it("an archived queue is not sampled", async () => {
    const { queue } = await setup({ kind: "traces", ratePercent: 50, cadenceMinutes: 5 });
    await db().labelQueue.update({ where: { id: queue.id }, data: { archivedAt: new Date(), nextSampleAt: T0 } });
    expect((await sampleDueQueues({ now: at(60) })).find((r) => r.queueId === queue.id)).toBeUndefined();
  });
});

describe("feedback source", () => {
  it("takes every trace with negative feedback since the watermark, once", async () => {
    const { p, queue } = await setup({ kind: "feedback", cadenceMinutes: 10 });
    const projectId = p.project.id;
    const now = Date.now();
    await seedTraces(projectId, [
      { traceId: "bad-1", start: new Date(now - 5 * MIN), input: "لماذا تأخر الطلب؟" },
      { traceId: "bad-2", start: new Date(now - 5 * MIN), input: "Wrong answer" },
      { traceId: "good", start: new Date(now - 5 * MIN), input: "Thanks" },
    ]);
    await feedback(projectId, "bad-1", true, "slow");
    await feedback(projectId, "bad-2", true);
    await feedback(projectId, "good", false);
    // feedback on a trace retention has already deleted: nothing to show, skipped
    await feedback(projectId, "gone", true);

    const later = new Date(now + 3 * MIN);
    const [run] = (await sampleDueQueues({ now: later, queueId: queue.id }));
    expect(run.added).toBe(2);
    const items = await db().labelItem.findMany({ where: { queueId: queue.id }, orderBy: { sourceId: "asc" } });
    expect(items.map((i) => [i.sourceId, i.stratum, i.language])).toEqual([["bad-1", "ar|negative", "ar"], ["bad-2", "en|negative", "en"]]);
    expect(items[0].meta).toEqual({ traceId: "bad-1", feedback: { negative: true, comment: "slow" } });

    // feedback changed later on an item already in the queue adds nothing
    await db().feedback.updateMany({ where: { projectId, traceId: "bad-2" }, data: { comment: "still wrong" } });
    expect(await sampleDueQueues({ now: new Date(now + 20 * MIN), queueId: queue.id })).toEqual([{ queueId: queue.id, added: 0 }]);
    expect(await db().labelItem.count({ where: { queueId: queue.id } })).toBe(2);
  });
});
