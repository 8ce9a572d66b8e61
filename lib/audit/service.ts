import { assertCan, type Principal } from "../authz/principal";
import { checkChain, GENESIS_HASH, type ChainCheck } from "./chain";
import {
  distinctAuditFacets,
  findAuditEventBySeq,
  iterateAuditChain,
  latestVerifiedHead,
  latestAuditVerification,
  listAuditEventsForProject,
  recordAuditVerification,
} from "./repo";
import type { TAuditQuery } from "./schemas";

export async function listAuditEvents(principal: Principal, q: TAuditQuery) {
  assertCan(principal, "audit:read");
  const rows = await listAuditEventsForProject({
    projectId: principal.projectId,
    ...q,
    cursor: q.cursor ? BigInt(q.cursor) : undefined,
  });
  const page = rows.slice(0, q.limit);
  return {
    events: page.map((e) => ({
      id: e.id,
      seq: e.seq.toString(),
      actorType: e.actorType as "user" | "apiKey" | "system",
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      action: e.action,
      resourceType: e.resourceType,
      resourceId: e.resourceId,
      before: e.before,
      after: e.after,
      requestId: e.requestId,
      createdAt: e.createdAt.toISOString(),
      hash: e.hash,
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1].seq.toString() : null,
  };
}

export async function auditFacets(principal: Principal) {
  assertCan(principal, "audit:read");
  return distinctAuditFacets(principal.projectId);
}

/**
 * Verifies the whole chain from the first event, and that the head an earlier run verified is still
 * there with the same hash (the chain alone cannot show that its newest events were cut off).
 */
export async function verifyAuditChain(): Promise<ChainCheck> {
  let result: ChainCheck = { ok: true, checked: 0, lastHash: GENESIS_HASH, lastSeq: null };
  for await (const page of iterateAuditChain()) {
    if (!result.ok) break;
    result = checkChain(page, result.lastHash, result.checked, result.lastSeq);
  }
  if (!result.ok) return result;
  const anchor = await latestVerifiedHead();
  if (anchor?.headSeq != null && anchor.headHash) {
    const still = await findAuditEventBySeq(anchor.headSeq);
    if (!still || still.hash !== anchor.headHash) {
      return {
        ok: false,
        checked: result.checked,
        brokenSeq: anchor.headSeq,
        reason: `event #${anchor.headSeq}, verified on ${anchor.checkedAt.toISOString()}, is gone or changed (events were cut from the end of the chain)`,
      };
    }
  }
  return result;
}

/** Verifies and records the outcome once per run key (the scheduled job's id). */
export async function runAuditVerification(runKey: string) {
  const result = await verifyAuditChain();
  await recordAuditVerification({
    runKey,
    ok: result.ok,
    checkedCount: result.checked,
    ...(result.ok
      ? { headSeq: result.lastSeq ?? undefined, headHash: result.lastSeq === null ? undefined : result.lastHash }
      : { brokenSeq: result.brokenSeq, brokenReason: result.reason }),
  });
  return result;
}

export async function lastAuditVerification(principal: Principal) {
  assertCan(principal, "audit:read");
  return latestAuditVerification();
}
