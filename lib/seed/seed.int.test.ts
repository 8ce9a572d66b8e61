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
});
