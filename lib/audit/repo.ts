import type { Prisma } from "../generated/prisma/client";
import { db, type Tx } from "../db";
import { GENESIS_HASH, hashEvent } from "./chain";


export interface AuditInput {
  projectId: string | null;
  actorType: string;
  actorId: string;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

// Any fixed number: serialises appends so two transactions never chain onto the same event.
const AUDIT_LOCK_KEY = 815_001;

/**
 * Appends one event inside the caller's transaction, so the event commits with the change. Relies on
 * READ COMMITTED (PostgreSQL's and Prisma's default): the read of the last hash happens after the
 * advisory lock, so it sees every earlier committed append.
 */
export async function appendAuditEvent(tx: Tx, input: AuditInput) {
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const [{ nextval }] = await tx.$queryRaw<{ nextval: bigint }[]>`select nextval(pg_get_serial_sequence('"AuditEvent"', 'seq'))`;
  const fields = {
    seq: nextval,
    projectId: input.projectId,
    actorType: input.actorType,
    actorId: input.actorId,
    actorLabel: input.actorLabel,
    action: input.action,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
    before: jsonSafe(input.before),
    after: jsonSafe(input.after),
    requestId: input.requestId ?? null,
    // millisecond precision, as stored, so the hash recomputes exactly
    createdAt: new Date(),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return tx.auditEvent.create({
    data: {
      ...fields,
      before: (fields.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (fields.after ?? undefined) as Prisma.InputJsonValue | undefined,
      hash: hashEvent(fields),
    },
  });
}

function jsonSafe(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

export interface AuditFilter {
  projectId: string;
  actor?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  from?: Date;
  to?: Date;
  cursor?: bigint;
  limit: number;
}

export function listAuditEventsForProject(f: AuditFilter) {
  return db().auditEvent.findMany({
    where: {
      projectId: f.projectId,
      ...(f.actor ? { OR: [{ actorId: f.actor }, { actorLabel: { contains: f.actor, mode: "insensitive" } }] } : {}),
      ...(f.action ? { action: { startsWith: f.action } } : {}),
      ...(f.resourceType ? { resourceType: f.resourceType } : {}),
      ...(f.resourceId ? { resourceId: f.resourceId } : {}),
      ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
      ...(f.cursor ? { seq: { lt: f.cursor } } : {}),
    },
    orderBy: { seq: "desc" },
    take: f.limit + 1,
  });
}

export async function distinctAuditFacets(projectId: string) {
  const [actions, resourceTypes] = await Promise.all([
    db().auditEvent.findMany({ where: { projectId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db().auditEvent.findMany({ where: { projectId }, distinct: ["resourceType"], select: { resourceType: true }, orderBy: { resourceType: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), resourceTypes: resourceTypes.map((r) => r.resourceType) };
}

/** Every event in chain order, in pages, for verification. */
export async function* iterateAuditChain(pageSize = 1000) {
  let after: bigint | undefined;
  for (;;) {
    const page = await db().auditEvent.findMany({
      where: after === undefined ? {} : { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: pageSize,
    });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].seq;
  }
}

export function findAuditEventBySeq(seq: bigint) {
  return db().auditEvent.findUnique({ where: { seq }, select: { hash: true } });
}

export function latestVerifiedHead() {
  return db().auditVerification.findFirst({ where: { ok: true, headSeq: { not: null } }, orderBy: { checkedAt: "desc" } });
}

export function recordAuditVerification(data: {
  runKey: string;
  ok: boolean;
  checkedCount: number;
  brokenSeq?: bigint;
  brokenReason?: string;
  headSeq?: bigint;
  headHash?: string;
}) {
  return db().auditVerification.upsert({ where: { runKey: data.runKey }, create: data, update: {} });
}

export function latestAuditVerification() {
  return db().auditVerification.findFirst({ orderBy: { checkedAt: "desc" } });
}
