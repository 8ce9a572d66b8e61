import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeProject } from "../../scripts/test/fixtures";
import { appendAuditEvent } from "./repo";
import { listAuditEvents, runAuditVerification, verifyAuditChain } from "./service";

const actor = { actorType: "system", actorId: "test", actorLabel: "Test" };

async function append(projectId: string, n: number) {
  await db().$transaction((tx) => appendAuditEvent(tx, { ...actor, projectId, action: "test.event", resourceType: "thing", resourceId: `t${n}`, after: { n } }));
}

describe("audit trail against PostgreSQL", () => {
  it("keeps one unbroken chain under concurrent writers", async () => {
    const { project } = await makeProject();
    await Promise.all(Array.from({ length: 25 }, (_, i) => append(project.id, i)));
    const r = await verifyAuditChain();
    expect(r.ok).toBe(true);
    const seqs = (await db().auditEvent.findMany({ where: { projectId: project.id }, select: { seq: true } })).map((e) => Number(e.seq)).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(25);
  });

  it("rolls the event back with the change when the transaction fails", async () => {
    const { project } = await makeProject();
    await expect(
      db().$transaction(async (tx) => {
        await appendAuditEvent(tx, { ...actor, projectId: project.id, action: "test.rollback", resourceType: "thing", resourceId: "x" });
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    expect(await db().auditEvent.count({ where: { projectId: project.id, action: "test.rollback" } })).toBe(0);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("filters by actor, action, resource and time, newest first, with a cursor", async () => {
    const { project, as } = await makeProject(["ADMIN"]);
    for (let i = 0; i < 5; i++) await append(project.id, i);
    const first = await listAuditEvents(as("ADMIN"), { limit: 2, action: "test.event" });
    expect(first.events.map((e) => e.resourceId)).toEqual(["t4", "t3"]);
    const second = await listAuditEvents(as("ADMIN"), { limit: 10, action: "test.event", cursor: first.nextCursor! });
    expect(second.events.map((e) => e.resourceId)).toEqual(["t2", "t1", "t0"]);
    expect(second.nextCursor).toBeNull();
    expect((await listAuditEvents(as("ADMIN"), { limit: 10, resourceId: "t2" })).events).toHaveLength(1);
    expect((await listAuditEvents(as("ADMIN"), { limit: 10, actor: "Test" })).events).toHaveLength(5);
    expect((await listAuditEvents(as("ADMIN"), { limit: 10, to: new Date(Date.now() - 3_600_000) })).events).toHaveLength(0);
  });

  it("never shows one project's events to another", async () => {
    const a = await makeProject(["ADMIN"]);
    const b = await makeProject(["ADMIN"]);
    await append(a.project.id, 1);
    expect((await listAuditEvents(b.as("ADMIN"), { limit: 50 })).events).toHaveLength(0);
  });

  it("finds and names the first tampered event, then the chain is intact again once restored", async () => {
    const { project } = await makeProject();
    for (let i = 0; i < 3; i++) await append(project.id, i);
    const target = await db().auditEvent.findFirstOrThrow({ where: { projectId: project.id, resourceId: "t1" } });
    await db().$executeRaw`update "AuditEvent" set "after" = '{"n": 999}'::jsonb where id = ${target.id}`;
    try {
      const broken = await runAuditVerification(`test-${target.id}`);
      expect(broken.ok).toBe(false);
      if (!broken.ok) expect(broken.brokenSeq).toBe(target.seq);
      const recorded = await db().auditVerification.findUniqueOrThrow({ where: { runKey: `test-${target.id}` } });
      expect(recorded).toMatchObject({ ok: false, brokenSeq: target.seq });
    } finally {
      await db().$executeRaw`update "AuditEvent" set "after" = ${JSON.stringify(target.after)}::jsonb where id = ${target.id}`;
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
