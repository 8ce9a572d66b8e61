import type { Prisma } from "../generated/prisma/client";
import { db, type Tx } from "../db";


const withCreator = { createdBy: { select: { name: true, email: true } } } as const;

export function insertApiKey(tx: Tx, data: Prisma.ApiKeyUncheckedCreateInput) {
  return tx.apiKey.create({ data, include: withCreator });
}

export function findApiKeysForProject(projectId: string) {
  return db().apiKey.findMany({ where: { projectId }, orderBy: { createdAt: "desc" }, include: withCreator });
}

export function findApiKeyInProject(tx: Tx, projectId: string, id: string) {
  return tx.apiKey.findFirst({ where: { id, projectId }, include: withCreator });
}

export function markApiKeyRevoked(tx: Tx, id: string, at: Date) {
  return tx.apiKey.update({ where: { id }, data: { revokedAt: at }, include: withCreator });
}

export function findApiKeyByPrefix(prefix: string) {
  return db().apiKey.findUnique({ where: { prefix } });
}

export function findApiKeyByPrefixAnyProject(tx: Tx, prefix: string) {
  return tx.apiKey.findUnique({ where: { prefix }, include: { project: { select: { slug: true } } } });
}

/** Writes last-used at most once a minute per key, so a busy key does not write on every call. */
export function touchApiKey(id: string, now: Date) {
  return db().apiKey.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
    data: { lastUsedAt: now },
  });
}
