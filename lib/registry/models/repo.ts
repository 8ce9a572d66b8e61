import type { Prisma } from "../../generated/prisma/client";
import { db, type Tx } from "../../db";

const withConnection = { connection: { select: { name: true, kind: true } } } as const;

export function findModelVersions(projectId: string) {
  return db().modelVersion.findMany({ where: { projectId }, include: withConnection, orderBy: [{ displayName: "asc" }] });
}

export function findModelVersion(tx: Tx, projectId: string, id: string) {
  return tx.modelVersion.findFirst({ where: { id, projectId }, include: withConnection });
}

export function findModelVersionByProviderId(tx: Tx, projectId: string, connectionId: string, providerModelId: string) {
  return tx.modelVersion.findUnique({ where: { projectId_connectionId_providerModelId: { projectId, connectionId, providerModelId } } });
}

export function insertModelVersion(tx: Tx, data: Prisma.ModelVersionUncheckedCreateInput) {
  return tx.modelVersion.create({ data, include: withConnection });
}

export function updateModelVersionRow(tx: Tx, id: string, data: Prisma.ModelVersionUncheckedUpdateInput) {
  return tx.modelVersion.update({ where: { id }, data, include: withConnection });
}
