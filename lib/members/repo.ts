import type { Role } from "../generated/prisma/enums";
import { db, type Tx } from "../db";


export function findUserByEmail(email: string) {
  return db().user.findUnique({ where: { email } });
}

export function findUserById(id: string) {
  return db().user.findUnique({ where: { id } });
}

export function findUserByEmailTx(tx: Tx, email: string) {
  return tx.user.findUnique({ where: { email } });
}

export function insertUser(tx: Tx, data: { email: string; name: string; passwordHash: string | null }) {
  return tx.user.create({ data });
}

export function updateUserPassword(tx: Tx, id: string, passwordHash: string) {
  return tx.user.update({ where: { id }, data: { passwordHash } });
}

const withUser = { user: { select: { id: true, email: true, name: true } } } as const;

export function findMembersOfProject(projectId: string) {
  return db().membership.findMany({ where: { projectId }, include: withUser, orderBy: { createdAt: "asc" } });
}

export function findMembershipInProject(tx: Tx, projectId: string, id: string) {
  return tx.membership.findFirst({ where: { id, projectId }, include: withUser });
}

export function findMembershipOfUser(tx: Tx, projectId: string, userId: string) {
  return tx.membership.findUnique({ where: { projectId_userId: { projectId, userId } }, include: withUser });
}

export function insertMembership(tx: Tx, projectId: string, userId: string, role: Role) {
  return tx.membership.create({ data: { projectId, userId, role }, include: withUser });
}

export function updateMembershipRole(tx: Tx, id: string, role: Role) {
  return tx.membership.update({ where: { id }, data: { role }, include: withUser });
}

export function deleteMembership(tx: Tx, id: string) {
  return tx.membership.delete({ where: { id } });
}

export function countAdmins(tx: Tx, projectId: string) {
  return tx.membership.count({ where: { projectId, role: "ADMIN" } });
}

/** Locks the project's membership rows so two concurrent demotions cannot both pass the last-admin check. */
export async function lockProjectMemberships(tx: Tx, projectId: string) {
  await tx.$queryRaw`select id from "Membership" where "projectId" = ${projectId} for update`;
}
