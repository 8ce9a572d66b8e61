import { describe, expect, it } from "vitest";
import { db } from "../db";
import { asSuperuser, makeProject } from "../../scripts/test/fixtures";
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
    await asSuperuser((tx) => tx.$executeRaw`update "AuditEvent" set "after" = '{"n": 999}'::jsonb where id = ${target.id}`);
    try {
      const broken = await runAuditVerification(`test-${target.id}`);
      expect(broken.ok).toBe(false);
      if (!broken.ok) expect(broken.brokenSeq).toBe(target.seq);
      const recorded = await db().auditVerification.findUniqueOrThrow({ where: { runKey: `test-${target.id}` } });
      expect(recorded).toMatchObject({ ok: false, brokenSeq: target.seq });
    } finally {
      await asSuperuser((tx) => tx.$executeRaw`update "AuditEvent" set "after" = ${JSON.stringify(target.after)}::jsonb where id = ${target.id}`);
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("is refused any update, delete or truncate by the database itself", async () => {
    const { project } = await makeProject();
    await append(project.id, 1);
    const e = await db().auditEvent.findFirstOrThrow({ where: { projectId: project.id } });
    await expect(db().$executeRaw`update "AuditEvent" set "actorLabel" = 'x' where id = ${e.id}`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`delete from "AuditEvent" where id = ${e.id}`).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`truncate "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count({ where: { id: e.id } })).toBe(1);
  });

  it("hashes before/after exactly as jsonb gives them back (key order, numbers, unicode, dates)", async () => {
    const { project } = await makeProject();
    const tricky = {
      zeta: 1, alpha: { nested: [3, 2, 1], "key with space": true, b: null, a: "ا" },
      small: 0.1, big: 1e21, tiny: 1e-7, negative: -0, int: 9007199254740991,
      text: "مرحبا 👋 \"quoted\" \\ back\nslash", when: new Date("2026-01-02T03:04:05.678Z"), empty: {}, list: [],
    };
    await db().$transaction((tx) => appendAuditEvent(tx, { ...actor, projectId: project.id, action: "test.tricky", resourceType: "thing", resourceId: "tricky", before: { ...tricky, zeta: 0 }, after: tricky }));
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("detects events cut from the end of the chain after a verification", async () => {
    const { project } = await makeProject();
    for (let i = 0; i < 3; i++) await append(project.id, i);
    const ok = await runAuditVerification(`head-${project.id}`);
    expect(ok.ok).toBe(true);
    const head = await db().auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const saved = { ...head };
    await asSuperuser((tx) => tx.$executeRaw`delete from "AuditEvent" where id = ${head.id}`);
    try {
      const cut = await verifyAuditChain();
      expect(cut.ok).toBe(false);
      if (!cut.ok) {
        expect(cut.brokenSeq).toBe(head.seq);
        expect(cut.reason).toMatch(/cut from the end/);
      }
    } finally {
      await asSuperuser((tx) =>
        tx.auditEvent.create({ data: { ...saved, before: saved.before ?? undefined, after: saved.after ?? undefined } as never }),
      );
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
