import { db } from "../db";
import { AppError } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, can, type Principal } from "../authz/principal";
import type { Permission } from "../authz/permissions";
import { generateApiKey, parseApiKey, secretMatches } from "./token";
import { forgetApiKey, lookupApiKey } from "./key-cache";
import { findApiKeyInProject, findApiKeysForProject, insertApiKey, markApiKeyRevoked, touchApiKey } from "./repo";
import type { TApiKey, TCreateApiKey } from "./schemas";

type Row = NonNullable<Awaited<ReturnType<typeof findApiKeyInProject>>>;

export function apiKeyStatus(k: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): TApiKey["status"] {
  if (k.revokedAt) return "revoked";
  if (k.expiresAt && k.expiresAt <= now) return "expired";
  return "active";
}

function present(k: Row): TApiKey {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    createdBy: k.createdBy?.name ?? null,
    createdAt: k.createdAt.toISOString(),
    expiresAt: k.expiresAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    status: apiKeyStatus(k),
  };
}

/** The audit record of a key: never the secret or its digest. */
function auditView(k: Row) {
  return { name: k.name, prefix: k.prefix, scopes: k.scopes, expiresAt: k.expiresAt, revokedAt: k.revokedAt };
}

export async function listApiKeys(principal: Principal): Promise<TApiKey[]> {
  assertCan(principal, "apikeys:read");
  return (await findApiKeysForProject(principal.projectId)).map(present);
}

export async function createApiKey(principal: Principal, input: TCreateApiKey): Promise<TApiKey & { token: string }> {
  assertCan(principal, "apikeys:write");
  // nobody hands out more than they hold
  const beyond = input.scopes.filter((s) => !can(principal, s as Permission));
  if (beyond.length) throw new AppError("FORBIDDEN", `You cannot grant scopes you do not hold: ${beyond.join(", ")}.`);
  const { token, prefix, secretHash } = generateApiKey();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await db().$transaction(async (tx) => {
    const created = await insertApiKey(tx, {
      projectId: principal.projectId,
      name: input.name,
      prefix,
      secretHash,
      scopes: [...new Set(input.scopes)],
      expiresAt,
      createdById: principal.kind === "user" ? principal.userId : null,
    });
    await appendAuditEvent(tx, {
      ...auditActor(principal),
      action: "apikey.create",
      resourceType: "apiKey",
      resourceId: created.id,
      after: auditView(created),
    });
    return created;
  });
  return { ...present(row), token };
}

export async function revokeApiKey(principal: Principal, id: string): Promise<TApiKey> {
  assertCan(principal, "apikeys:write");
  const row = await db().$transaction(async (tx) => {
    const key = await findApiKeyInProject(tx, principal.projectId, id);
    if (!key) throw new AppError("NOT_FOUND", "No API key with this id in this project.");
    if (key.revokedAt) return key;
    const revoked = await markApiKeyRevoked(tx, id, new Date());
    await appendAuditEvent(tx, {
      ...auditActor(principal),
      action: "apikey.revoke",
      resourceType: "apiKey",
      resourceId: id,
      before: auditView(key),
      after: auditView(revoked),
    });
    return revoked;
  });
  await forgetApiKey(row.prefix);
  return present(row);
}

// last-used is kept to the minute: a busy key (an SDK sending traces) costs one write a minute, not one a call
const TOUCH_EVERY_MS = 60_000;
const touched = new Map<string, number>();

/** Last-used time, written once a call has passed its permission check (a refused call writes nothing). */
export async function recordApiKeyUse(apiKeyId: string, now = new Date()): Promise<void> {
  const last = touched.get(apiKeyId);
  if (last !== undefined && now.getTime() - last < TOUCH_EVERY_MS) return;
  if (touched.size > 10_000) touched.clear();
  touched.set(apiKeyId, now.getTime());
  await touchApiKey(apiKeyId, now);
}

/**
 * Resolves a bearer token to a principal, or null. Unknown, malformed, revoked and expired keys
 * all give the same null, so a caller cannot tell which.
 */
export async function authenticateApiKey(token: string, requestId?: string): Promise<Principal | null> {
  const parsed = parseApiKey(token);
  if (!parsed) return null;
  const key = await lookupApiKey(parsed.prefix);
  if (!key || !secretMatches(parsed.secret, key.secretHash)) return null;
  if (apiKeyStatus(key) !== "active") return null;
  return { kind: "apiKey", apiKeyId: key.id, label: `API key ${key.name} (${key.prefix})`, projectId: key.projectId, scopes: key.scopes, requestId };
}
