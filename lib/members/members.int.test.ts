import { describe, expect, it } from "vitest";
import { db } from "../db";
import { verifyPassword } from "../auth/password";
import { makeProject, uid } from "../../scripts/test/fixtures";
import { addMember, changeMemberRole, listMembers, removeMember } from "./service";

describe("members against PostgreSQL", () => {
  it("adds a new person with a one-time password that signs in, and an existing one without", async () => {
    const a = await makeProject(["ADMIN", "VIEWER"]);
    const email = `new-${uid()}@test.flightdeck.dev`;
    const added = await addMember(a.as("ADMIN"), { email, role: "REVIEWER" });
    expect(added.role).toBe("REVIEWER");
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(added.temporaryPassword!, user.passwordHash)).toBe(true);

    const b = await makeProject(["ADMIN"]);
    const again = await addMember(b.as("ADMIN"), { email, role: "VIEWER" });
    expect(again.temporaryPassword).toBeNull();
    expect(again.userId).toBe(user.id);
  });

  it("refuses a duplicate member with 409 and writes nothing", async () => {
    const a = await makeProject(["ADMIN", "VIEWER"]);
    const before = await db().auditEvent.count();
    await expect(addMember(a.as("ADMIN"), { email: a.people.VIEWER.email, role: "ADMIN" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("never removes or demotes the last admin, even when two admins demote each other at once", async () => {
    const a = await makeProject(["ADMIN"]);
    await expect(removeMember(a.as("ADMIN"), a.people.ADMIN.membershipId)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(changeMemberRole(a.as("ADMIN"), a.people.ADMIN.membershipId, "VIEWER")).rejects.toMatchObject({ code: "CONFLICT" });

    const second = await addMember(a.as("ADMIN"), { email: `admin2-${uid()}@test.flightdeck.dev`, role: "ADMIN" });
    const results = await Promise.allSettled([
      changeMemberRole(a.as("ADMIN"), a.people.ADMIN.membershipId, "VIEWER"),
      changeMemberRole(a.as("ADMIN"), second.id, "VIEWER"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().membership.count({ where: { projectId: a.project.id, role: "ADMIN" } })).toBe(1);
  });

  it("changes roles and removes members with audit events holding before and after", async () => {
    const a = await makeProject(["ADMIN", "VIEWER"]);
    await changeMemberRole(a.as("ADMIN"), a.people.VIEWER.membershipId, "ENGINEER");
    await removeMember(a.as("ADMIN"), a.people.VIEWER.membershipId);
    expect((await listMembers(a.as("ADMIN"))).map((m) => m.role)).toEqual(["ADMIN"]);
    const events = await db().auditEvent.findMany({ where: { resourceId: a.people.VIEWER.membershipId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ["member.role_change", { userId: a.people.VIEWER.userId, role: "VIEWER" }, { userId: a.people.VIEWER.userId, role: "ENGINEER" }],
      ["member.remove", { userId: a.people.VIEWER.userId, role: "ENGINEER" }, null],
    ]);
  });

  it("gives 404 for a member of another project and 403 to non-admins", async () => {
    const a = await makeProject(["ADMIN", "ENGINEER"]);
    const b = await makeProject(["ADMIN"]);
    await expect(removeMember(b.as("ADMIN"), a.people.ENGINEER.membershipId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeMember(a.as("ENGINEER"), a.people.ADMIN.membershipId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
