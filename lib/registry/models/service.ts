import { db } from "../../db";
import { AppError } from "../../errors";
import { appendAuditEvent } from "../../audit/repo";
import { assertCan, auditActor, type Principal } from "../../authz/principal";
import { findConnection } from "../connections/repo";
import { floatingReason } from "./floating";
import { findModelVersion, findModelVersionByProviderId, findModelVersions, insertModelVersion, updateModelVersionRow } from "./repo";
import type { TCreateModelVersion, TModelVersion, TUpdateModelVersion } from "./schemas";

type Row = NonNullable<Awaited<ReturnType<typeof findModelVersion>>>;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function presentModelVersion(m: Row): TModelVersion {
  return {
    id: m.id, connectionId: m.connectionId, connectionName: m.connection.name, providerKind: m.connection.kind,
    providerModelId: m.providerModelId, displayName: m.displayName, inputPricePerMTok: m.inputPricePerMTok,
    outputPricePerMTok: m.outputPricePerMTok, cachedPricePerMTok: m.cachedPricePerMTok, priceAsOf: day(m.priceAsOf)!,
    contextWindow: m.contextWindow, maxOutputTokens: m.maxOutputTokens, capabilities: m.capabilities, region: m.region,
    deprecatesAt: day(m.deprecatesAt), floating: m.floating, createdAt: m.createdAt.toISOString(),
  };
}

const auditView = (m: Row) => {
  const { id: _id, createdAt: _c, ...rest } = presentModelVersion(m);
  return rest;
};

const dates = (v: { priceAsOf?: string; deprecatesAt?: string | null }) => ({
  ...(v.priceAsOf ? { priceAsOf: new Date(`${v.priceAsOf}T00:00:00Z`) } : {}),
  ...(v.deprecatesAt !== undefined ? { deprecatesAt: v.deprecatesAt ? new Date(`${v.deprecatesAt}T00:00:00Z`) : null } : {}),
});

export async function listModelVersions(principal: Principal): Promise<TModelVersion[]> {
  assertCan(principal, "registry:read");
  return (await findModelVersions(principal.projectId)).map(presentModelVersion);
}

export async function getModelVersion(principal: Principal, id: string): Promise<TModelVersion> {
  assertCan(principal, "registry:read");
  const m = await findModelVersion(db(), principal.projectId, id);
  if (!m) throw new AppError("NOT_FOUND", "No model version with this id in this project.");
  return presentModelVersion(m);
}

export async function createModelVersion(principal: Principal, input: TCreateModelVersion): Promise<TModelVersion> {
  assertCan(principal, "registry:write");
  const floats = floatingReason(input.providerModelId);
  if (floats && !input.floating) {
    throw new AppError("VALIDATION", `Model id refused: ${floats}. Pin a dated id, or mark the version as floating.`, [{ field: "providerModelId", message: floats }]);
  }
  const row = await db().$transaction(async (tx) => {
    const connection = await findConnection(tx, principal.projectId, input.connectionId);
    if (!connection) throw new AppError("NOT_FOUND", "No connection with this id in this project.");
    if (await findModelVersionByProviderId(tx, principal.projectId, input.connectionId, input.providerModelId)) {
      throw new AppError("CONFLICT", `"${input.providerModelId}" is already registered on ${connection.name}.`);
    }
    const { priceAsOf: _p, deprecatesAt: _d, ...rest } = input;
    const created = await insertModelVersion(tx, { ...rest, ...dates(input), priceAsOf: new Date(`${input.priceAsOf}T00:00:00Z`), floating: Boolean(floats) && input.floating, projectId: principal.projectId });
    await appendAuditEvent(tx, { ...auditActor(principal), action: "model_version.create", resourceType: "modelVersion", resourceId: created.id, after: auditView(created) });
    return created;
  });
  return presentModelVersion(row);
}

export async function updateModelVersion(principal: Principal, id: string, input: TUpdateModelVersion): Promise<TModelVersion> {
  assertCan(principal, "registry:write");
  const row = await db().$transaction(async (tx) => {
    const before = await findModelVersion(tx, principal.projectId, id);
    if (!before) throw new AppError("NOT_FOUND", "No model version with this id in this project.");
    const contextWindow = input.contextWindow ?? before.contextWindow;
    if ((input.maxOutputTokens ?? before.maxOutputTokens) > contextWindow) {
      throw new AppError("VALIDATION", "Max output tokens cannot exceed the context window.", [{ field: "maxOutputTokens", message: "cannot exceed the context window" }]);
    }
    const { priceAsOf: _p, deprecatesAt: _d, ...rest } = input;
    const after = await updateModelVersionRow(tx, id, { ...rest, ...dates(input) });
    await appendAuditEvent(tx, { ...auditActor(principal), action: "model_version.update", resourceType: "modelVersion", resourceId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
  return presentModelVersion(row);
}
