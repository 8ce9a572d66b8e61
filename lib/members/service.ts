import crypto from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import type { Role } from "../generated/prisma/enums";
import { hashPassword } from "../auth/password";
import {
  countAdmins, deleteMembership, findMembersOfProject, findMembershipInProject, findMembershipOfUser,
  findUserByEmail, findUserByEmailTx, insertMembership, insertUser, lockProjectMemberships, updateMembershipRole,
} from "./repo";
import type { TAddMember, TMember } from "./schemas";

type Row = NonNullable<Awaited<ReturnType<typeof findMembershipInProject>>>;

function present(m: Row): TMember {
  return { id: m.id, userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, createdAt: m.createdAt.toISOString() };
}

const auditView = (m: Row) => ({ userId: m.user.id, role: m.role });

export async function listMembers(principal: Principal): Promise<TMember[]> {
  assertCan(principal, "members:read");
  return (await findMembersOfProject(principal.projectId)).map(present);
}

export function generateTemporaryPassword(): string {
  return crypto.randomBytes(12).toString("base64url");
}

export async function addMember(principal: Principal, input: TAddMember): Promise<TMember & { temporaryPassword: string | null }> {
  assertCan(principal, "members:write");
  // a person without an account gets one, with a one-time password the admin hands over
  const existing = await findUserByEmail(input.email);
  const temporaryPassword = existing ? null : generateTemporaryPassword();
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;
  const row = await db().$transaction(async (tx) => {
    let user = await findUserByEmailTx(tx, input.email);
    if (user) {
      if (await findMembershipOfUser(tx, principal.projectId, user.id)) {
        throw new AppError("CONFLICT", `${input.email} is already a member of this project.`);
      }
    } else {
      if (!passwordHash) throw new AppError("CONFLICT", "That account was just removed; try again.");
      user = await insertUser(tx, { email: input.email, name: input.name ?? input.email.split("@")[0], passwordHash });
      await appendAuditEvent(tx, { ...auditActor(principal), action: "user.create", resourceType: "user", resourceId: user.id, after: { name: user.name } });
    }
    const m = await insertMembership(tx, principal.projectId, user.id, input.role);
    await appendAuditEvent(tx, { ...auditActor(principal), action: "member.add", resourceType: "membership", resourceId: m.id, after: auditView(m) });
    return m;
  });
  return { ...present(row), temporaryPassword };
}

export async function changeMemberRole(principal: Principal, membershipId: string, role: Role): Promise<TMember> {
  assertCan(principal, "members:write");
  const row = await db().$transaction(async (tx) => {
    await lockProjectMemberships(tx, principal.projectId);
    const m = await findMembershipInProject(tx, principal.projectId, membershipId);
    if (!m) throw new AppError("NOT_FOUND", "No member with this id in this project.");
    if (m.role === role) return m;
    if (m.role === "ADMIN" && (await countAdmins(tx, principal.projectId)) <= 1) {
      throw new AppError("CONFLICT", "This is the project's last admin. Make someone else an admin first.");
    }
    const updated = await updateMembershipRole(tx, membershipId, role);
    await appendAuditEvent(tx, { ...auditActor(principal), action: "member.role_change", resourceType: "membership", resourceId: m.id, before: auditView(m), after: auditView(updated) });
    return updated;
  });
  return present(row);
}

export async function removeMember(principal: Principal, membershipId: string): Promise<void> {
  assertCan(principal, "members:write");
  await db().$transaction(async (tx) => {
    await lockProjectMemberships(tx, principal.projectId);
    const m = await findMembershipInProject(tx, principal.projectId, membershipId);
    if (!m) throw new AppError("NOT_FOUND", "No member with this id in this project.");
    if (m.role === "ADMIN" && (await countAdmins(tx, principal.projectId)) <= 1) {
      throw new AppError("CONFLICT", "The last admin cannot be removed. Make someone else an admin first.");
    }
    await deleteMembership(tx, m.id);
    await appendAuditEvent(tx, { ...auditActor(principal), action: "member.remove", resourceType: "membership", resourceId: m.id, before: auditView(m) });
  });
}
