import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { appendAuditEvent } from "../../audit/repo";
import { assertCan, auditActor, type Principal } from "../../authz/principal";
import { checkOutboundUrl, OutboundRefusedError, parseAllowlist } from "../../net/outbound";
import { keyRingFrom, openSecret, sealSecret, secretHint, SecretUnavailableError } from "../secrets/crypto";
import { findConnection, findConnectionByName, findConnections, insertConnection, updateConnectionRow } from "./repo";
import type { TConnection, TCreateConnection, TUpdateConnection } from "./schemas";

type Row = NonNullable<Awaited<ReturnType<typeof findConnection>>>;

export const keyRing = () => keyRingFrom(env());
export const outboundAllowlist = () => parseAllowlist(env().OUTBOUND_ALLOWLIST);

/** The public view: never the secret, only whether one is stored and its last four characters. */
export function presentConnection(c: Row): TConnection {
  return {
    id: c.id, name: c.name, kind: c.kind, baseUrl: c.baseUrl, hasSecret: Boolean(c.secretCiphertext), secretHint: c.secretHint,
    timeoutMs: c.timeoutMs, maxConcurrency: c.maxConcurrency, lastTestedAt: c.lastTestedAt?.toISOString() ?? null,
    lastTestOk: c.lastTestOk, lastTestMessage: c.lastTestMessage, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
  };
}

const auditView = (c: Row) => ({ name: c.name, kind: c.kind, baseUrl: c.baseUrl, hasSecret: Boolean(c.secretCiphertext), timeoutMs: c.timeoutMs, maxConcurrency: c.maxConcurrency });

async function guardUrl(raw: string): Promise<string> {
  try {
    return (await checkOutboundUrl(raw, outboundAllowlist())).toString().replace(/\/$/, "");
  } catch (err) {
    if (err instanceof OutboundRefusedError) throw new AppError("VALIDATION", `Base URL refused: ${err.message}.`, [{ field: "baseUrl", message: err.message }]);
    throw err;
  }
}

function sealedFields(secret: string, connectionId: string) {
  const sealed = sealSecret(keyRing(), secret, connectionId);
  return { secretCiphertext: sealed.ciphertext, secretNonce: sealed.nonce, secretKeyId: sealed.keyId, secretHint: secretHint(secret) };
}

const NO_SECRET = { secretCiphertext: null, secretNonce: null, secretKeyId: null, secretHint: null };

export async function listConnections(principal: Principal): Promise<TConnection[]> {
  assertCan(principal, "registry:read");
  return (await findConnections(principal.projectId)).map(presentConnection);
}

export async function getConnection(principal: Principal, id: string): Promise<TConnection> {
  assertCan(principal, "registry:read");
  const c = await findConnection(db(), principal.projectId, id);
  if (!c) throw new AppError("NOT_FOUND", "No connection with this id in this project.");
  return presentConnection(c);
}

export async function createConnection(principal: Principal, input: TCreateConnection): Promise<TConnection> {
  assertCan(principal, "registry:write");
  const baseUrl = input.baseUrl ? await guardUrl(input.baseUrl) : null;
  const row = await db().$transaction(async (tx) => {
    if (await findConnectionByName(tx, principal.projectId, input.name)) throw new AppError("CONFLICT", `A connection named "${input.name}" exists.`);
    const created = await insertConnection(tx, {
      projectId: principal.projectId, name: input.name, kind: input.kind, baseUrl,
      timeoutMs: input.timeoutMs, maxConcurrency: input.maxConcurrency,
    });
    // the secret is bound to the row's id, which exists only now
    const withSecret = input.secret ? await updateConnectionRow(tx, created.id, sealedFields(input.secret, created.id)) : created;
    await appendAuditEvent(tx, { ...auditActor(principal), action: "connection.create", resourceType: "connection", resourceId: created.id, after: auditView(withSecret) });
    return withSecret;
  });
  return presentConnection(row);
}

export async function updateConnection(principal: Principal, id: string, input: TUpdateConnection): Promise<TConnection> {
  assertCan(principal, "registry:write");
  const baseUrl = input.baseUrl ? await guardUrl(input.baseUrl) : undefined;
  const row = await db().$transaction(async (tx) => {
    const before = await findConnection(tx, principal.projectId, id);
    if (!before) throw new AppError("NOT_FOUND", "No connection with this id in this project.");
    if (before.kind === "offline" && (baseUrl || input.secret)) throw new AppError("VALIDATION", "The offline provider takes no URL or secret.", [{ field: "baseUrl", message: "not used by the offline provider" }]);
    const urlChanges = baseUrl !== undefined && baseUrl !== before.baseUrl;
    // a stored key must never follow a URL to a new server without its owner re-entering it
    if (urlChanges && before.secretCiphertext && !input.secret) {
      throw new AppError("VALIDATION", "Changing the base URL requires re-entering the secret.", [{ field: "secret", message: "re-enter the API key for the new URL" }]);
    }
    if (input.name && input.name !== before.name && (await findConnectionByName(tx, principal.projectId, input.name))) {
      throw new AppError("CONFLICT", `A connection named "${input.name}" exists.`);
    }
    const secret = input.secret === undefined ? {} : input.secret === null ? NO_SECRET : sealedFields(input.secret, id);
    const after = await updateConnectionRow(tx, id, {
      ...(input.name ? { name: input.name } : {}), ...(baseUrl ? { baseUrl } : {}), ...secret,
      ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}), ...(input.maxConcurrency ? { maxConcurrency: input.maxConcurrency } : {}),
    });
    await appendAuditEvent(tx, { ...auditActor(principal), action: "connection.update", resourceType: "connection", resourceId: id, before: auditView(before), after: { ...auditView(after), secretChanged: input.secret !== undefined } });
    return after;
  });
  return presentConnection(row);
}

/** Internal: what the provider client needs, secret decrypted. Never returned by a read. */
export async function connectionForUse(projectId: string, id: string) {
  const c = await findConnection(db(), projectId, id);
  if (!c) throw new AppError("NOT_FOUND", "No connection with this id in this project.");
  let apiKey: string | undefined;
  if (c.secretCiphertext && c.secretNonce && c.secretKeyId) {
    try {
      apiKey = openSecret(keyRing(), { ciphertext: c.secretCiphertext, nonce: c.secretNonce, keyId: c.secretKeyId }, c.id);
    } catch (err) {
      if (err instanceof SecretUnavailableError) throw new AppError("CONFLICT", err.message);
      throw err;
    }
  }
  return { id: c.id, kind: c.kind, baseUrl: c.baseUrl ?? undefined, apiKey, timeoutMs: c.timeoutMs, maxConcurrency: c.maxConcurrency };
}
