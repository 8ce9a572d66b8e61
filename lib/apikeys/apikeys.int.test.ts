import { describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError } from "../errors";
import { makeProject } from "../../scripts/test/fixtures";
import { authenticateApiKey, createApiKey, listApiKeys, recordApiKeyUse, revokeApiKey } from "./service";

describe("API keys against PostgreSQL", () => {
  it("creates a key that authenticates at once, is stored only as a digest, and records last use", async () => {
    const { project, as } = await makeProject(["ADMIN"]);
    const key = await createApiKey(as("ADMIN"), { name: "checkout", scopes: ["registry:read", "traces:write"], expiresInDays: 30 });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: key.id } });
    const secret = key.token.slice(13);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const principal = await authenticateApiKey(key.token);
    expect(principal).toMatchObject({ kind: "apiKey", projectId: project.id, scopes: ["registry:read", "traces:write"] });
    expect((await listApiKeys(as("ADMIN")))[0].lastUsedAt).toBeNull();
    await recordApiKeyUse(key.id);
    const listed = await listApiKeys(as("ADMIN"));
    expect(listed[0]).toMatchObject({ prefix: key.prefix, status: "active" });
    expect(listed[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it("refuses a revoked key immediately and an expired key", async () => {
    const { as } = await makeProject(["ADMIN"]);
    const key = await createApiKey(as("ADMIN"), { name: "k", scopes: ["runtime:read"] });
    expect(await authenticateApiKey(key.token)).not.toBeNull();
    await revokeApiKey(as("ADMIN"), key.id);
    expect(await authenticateApiKey(key.token)).toBeNull();

    const old = await createApiKey(as("ADMIN"), { name: "old", scopes: ["runtime:read"], expiresInDays: 1 });
    await db().apiKey.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authenticateApiKey(old.token)).toBeNull();
    expect((await listApiKeys(as("ADMIN"))).find((k) => k.id === old.id)?.status).toBe("expired");
  });

  it("treats a wrong secret for a real prefix like an unknown key", async () => {
    const { as } = await makeProject(["ADMIN"]);
    const key = await createApiKey(as("ADMIN"), { name: "k", scopes: ["runtime:read"] });
    const forged = `${key.prefix}_${"A".repeat(43)}`;
    expect(await authenticateApiKey(forged)).toBeNull();
  });

  it("answers 404 for another project's key and changes nothing", async () => {
    const a = await makeProject(["ADMIN"]);
    const b = await makeProject(["ADMIN"]);
    const key = await createApiKey(a.as("ADMIN"), { name: "k", scopes: ["runtime:read"] });
    await expect(revokeApiKey(b.as("ADMIN"), key.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await authenticateApiKey(key.token)).not.toBeNull();
  });

  it("forbids non-admins and keys from managing keys, and writes nothing", async () => {
    const { project, as } = await makeProject(["ADMIN", "ENGINEER"]);
    await expect(createApiKey(as("ENGINEER"), { name: "k", scopes: ["runtime:read"] })).rejects.toBeInstanceOf(AppError);
    expect(await db().apiKey.count({ where: { projectId: project.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { projectId: project.id, action: "apikey.create" } })).toBe(0);
  });

  it("audits create and revoke with the actor, never the secret", async () => {
    const { project, as, people } = await makeProject(["ADMIN"]);
    const key = await createApiKey(as("ADMIN"), { name: "audited", scopes: ["feedback:write"] });
    await revokeApiKey(as("ADMIN"), key.id);
    const events = await db().auditEvent.findMany({ where: { projectId: project.id, resourceId: key.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["apikey.create", "apikey.revoke"]);
    expect(events.every((e) => e.actorId === people.ADMIN.userId)).toBe(true);
    expect(events[1].before).toMatchObject({ revokedAt: null });
    expect(JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(key.token.slice(13));
  });
});
