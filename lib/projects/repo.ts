import { db, type Tx } from "../db";


export function findMembershipsOfUser(userId: string) {
  return db().membership.findMany({
    where: { userId },
    include: { project: { include: { organization: true } } },
    orderBy: { project: { name: "asc" } },
  });
}

export function findMembershipBySlug(userId: string, slug: string) {
  return db().membership.findFirst({
    where: { userId, project: { slug } },
    include: { project: { include: { organization: true } } },
  });
}

export function findProjectById(tx: Tx, id: string) {
  return tx.project.findUnique({ where: { id }, include: { organization: true } });
}

export function findProjectBySlug(tx: Tx, slug: string) {
  return tx.project.findUnique({ where: { slug } });
}

export function renameProject(tx: Tx, id: string, name: string) {
  return tx.project.update({ where: { id }, data: { name } });
}

export function renameOrganization(tx: Tx, id: string, name: string) {
  return tx.organization.update({ where: { id }, data: { name } });
}

export function insertProject(tx: Tx, organizationId: string, slug: string, name: string) {
  return tx.project.create({ data: { organizationId, slug, name } });
}

export function insertAdminMembership(tx: Tx, projectId: string, userId: string) {
  return tx.membership.create({ data: { projectId, userId, role: "ADMIN" } });
}
