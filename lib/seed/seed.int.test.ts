import { describe, expect, it } from "vitest";
import { db } from "../db";
import { verifyPassword } from "../auth/password";
import { verifyAuditChain } from "../audit/service";
import { DEMO_ACCOUNTS, seedDemo } from "./demo";

describe("demo seed", () => {
  it("creates the demo organization once, with one signing-in user per role", async () => {
    await seedDemo();
    const counts = async () => [await db().organization.count(), await db().user.count(), await db().membership.count(), await db().auditEvent.count()];
    const first = await counts();
    expect(await seedDemo()).toBe(false);
    expect(await counts()).toEqual(first);

    const demo = await db().project.findUniqueOrThrow({ where: { slug: "demo" }, include: { organization: true, memberships: { include: { user: true } } } });
    expect(demo.organization.name).toBe("Demo");
    expect(demo.memberships.map((m) => m.role).sort()).toEqual(["ADMIN", "APPROVER", "ENGINEER", "REVIEWER", "VIEWER"]);
    for (const a of DEMO_ACCOUNTS) {
      const m = demo.memberships.find((x) => x.user.email === a.email)!;
      expect(m.role).toBe(a.role);
      expect(await verifyPassword(a.password, m.user.passwordHash)).toBe(true);
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("includes a golden dataset in English and Arabic, once", async () => {
    await seedDemo();
    await seedDemo();
    const golden = await db().dataset.findFirstOrThrow({ where: { name: "support-golden", project: { slug: "demo" } }, include: { versions: true } });
    expect(golden.versions.map((v) => v.version)).toEqual([1]);
    const items = await db().datasetItem.findMany({ where: { datasetVersionId: golden.versions[0].id } });
    expect(items).toHaveLength(6);
    expect(items.filter((i) => i.language === "ar")).toHaveLength(2);
    expect(items.find((i) => i.key === "roaming-price")?.relevantDocIds).toEqual(["help/roaming"]);
  });

  it("includes two weeks of scrubbed, priced production traces with a flagged injection and a tool loop, once", async () => {
    await seedDemo();
    await seedDemo();
    const demo = await db().project.findUniqueOrThrow({ where: { slug: "demo" } });
    expect(await db().trace.count({ where: { projectId: demo.id } })).toBe(360);
    const injected = await db().trace.findFirstOrThrow({ where: { projectId: demo.id, traceId: "demo-0005" } });
    expect(injected.injectionFlagged).toBe(true);
    const loop = await db().trace.findFirstOrThrow({ where: { projectId: demo.id, traceId: "demo-0009" } });
    expect(loop.maxToolCalls).toBeGreaterThan(demo.loopToolCallLimit);
    const withPii = await db().trace.findMany({ where: { projectId: demo.id, piiTypes: { isEmpty: false } } });
    expect(withPii.length).toBeGreaterThan(5);
    const texts = await db().span.findMany({ where: { projectId: demo.id, traceId: { in: withPii.map((t) => t.traceId) } }, select: { input: true } });
    expect(JSON.stringify(texts)).not.toMatch(/sara\.q@example\.com|4111 1111|0551234567/);
    const usage = await db().usageDaily.aggregate({ where: { projectId: demo.id }, _sum: { requests: true, costUsd: true } });
    expect(usage._sum.requests).toBe(360);
    expect(usage._sum.costUsd).toBeGreaterThan(0);
  });

  it("includes labelling queues on the judged eval runs, labelled by two people, with gold labels, agreement and a dispute left to adjudicate", async () => {
    await seedDemo();
    const demo = await db().project.findUniqueOrThrow({ where: { slug: "demo" } });
    const runs = await db().evalRun.count({ where: { projectId: demo.id, status: "completed", judgeModelVersionId: { not: null } } });
    const queues = await db().labelQueue.findMany({ where: { projectId: demo.id }, include: { items: { include: { slots: true } } } });
    expect(queues).toHaveLength(runs);
    const items = queues.flatMap((q) => q.items);
    const gold = items.filter((i) => i.status === "gold");
    expect(gold.length).toBeGreaterThanOrEqual(10);
    expect(items.filter((i) => i.status === "needs_adjudication")).toHaveLength(1);
    expect(items.filter((i) => i.status === "open").length).toBeGreaterThan(0);
    // two different people on every finished item, and their labels went through the rubric
    for (const i of gold.filter((g) => g.goldSource !== "single")) {
      expect(new Set(i.slots.map((s) => s.userId)).size).toBe(2);
      expect((i.gold as { scores: Record<string, unknown> }).scores).toHaveProperty("faithfulness");
    }
    expect(gold.some((i) => i.goldSource === "consensus")).toBe(true);
    // generated, yet not the judge's own scores copied: some human label differs from the judge
    const differs = gold.some((i) => {
      const judge = (i.meta as { judge: Record<string, number> }).judge;
      const human = (i.gold as { scores: Record<string, number> }).scores;
      return ["faithfulness", "relevance", "completeness"].some((d) => judge[d] !== undefined && Math.round(judge[d]) !== human[d]);
    });
    expect(differs).toBe(true);
  });
});
