import type { Prisma } from "../../generated/prisma/client";
import { db, type Tx } from "../../db";

export function findConnections(projectId: string) {
  return db().providerConnection.findMany({ where: { projectId }, orderBy: { name: "asc" } });
}

export function findConnection(tx: Tx, projectId: string, id: string) {
  return tx.providerConnection.findFirst({ where: { id, projectId } });
}

export function findConnectionByName(tx: Tx, projectId: string, name: string) {
  return tx.providerConnection.findUnique({ where: { projectId_name: { projectId, name } } });
}

export function insertConnection(tx: Tx, data: Prisma.ProviderConnectionUncheckedCreateInput) {
  return tx.providerConnection.create({ data });
}

export function updateConnectionRow(tx: Tx, id: string, data: Prisma.ProviderConnectionUncheckedUpdateInput) {
  return tx.providerConnection.update({ where: { id }, data });
}

export function recordConnectionTest(id: string, ok: boolean, message: string) {
  return db().providerConnection.update({ where: { id }, data: { lastTestedAt: new Date(), lastTestOk: ok, lastTestMessage: message.slice(0, 500) } });
}

/** A chat model registered on the connection, to probe servers that cannot list their models. */
export function findChatModelOnConnection(projectId: string, connectionId: string) {
  return db().modelVersion.findFirst({ where: { projectId, connectionId, capabilities: { has: "chat" } }, orderBy: { createdAt: "asc" } });
}
