import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { makeProject } from "../../../scripts/test/fixtures";
import { createApiKey } from "../../apikeys/service";
import { GET as listRoute, POST as createRoute } from "../../../app/api/v1/projects/[project]/connections/route";
import { connectionForUse, createConnection, getConnection, listConnections, updateConnection } from "./service";

const SECRET = "sk-test-0123456789abcdefSECRET";
const asJson = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x));

describe("provider connections", () => {
  it("encrypts the secret at rest, never returns it, and opens it only for use", async () => {
    const { project, as } = await makeProject(["ENGINEER"]);
    const created = await createConnection(as("ENGINEER"), { name: "openai", kind: "openai", baseUrl: "http://127.0.0.1:9/v1", secret: SECRET });
    expect(created).toMatchObject({ hasSecret: true, secretHint: "CRET", baseUrl: "http://127.0.0.1:9/v1" });
    const row = await db().providerConnection.findUniqueOrThrow({ where: { id: created.id } });
    expect(asJson(row)).not.toContain("0123456789abcdef");
    expect(asJson(await listConnections(as("ENGINEER")))).not.toContain("0123456789abcdef");
    expect(asJson(await getConnection(as("ENGINEER"), created.id))).not.toContain("0123456789abcdef");
    expect((await connectionForUse(project.id, created.id)).apiKey).toBe(SECRET);
    const events = await db().auditEvent.findMany({ where: { resourceId: created.id } });
    expect(events.map((e) => e.action)).toEqual(["connection.create"]);
    expect(asJson(events)).not.toContain("0123456789abcdef");
  });

  it("binds the ciphertext to its connection: copied onto another row it does not open", async () => {
    const { project, as } = await makeProject(["ENGINEER"]);
    const a = await createConnection(as("ENGINEER"), { name: "a", kind: "openai", baseUrl: "http://127.0.0.1:9/v1", secret: SECRET });
    const b = await createConnection(as("ENGINEER"), { name: "b", kind: "openai", baseUrl: "http://127.0.0.1:9/v1", secret: "sk-other-secret-value-000" });
    const stolen = await db().providerConnection.findUniqueOrThrow({ where: { id: a.id } });
    await db().providerConnection.update({ where: { id: b.id }, data: { secretCiphertext: stolen.secretCiphertext, secretNonce: stolen.secretNonce } });
    await expect(connectionForUse(project.id, b.id)).rejects.toThrow(/does not decrypt/);
  });

  it("refuses URLs the outbound guard refuses, saving nothing", async () => {
    const { project, as } = await makeProject(["ENGINEER"]);
    for (const baseUrl of ["http://169.254.169.254/latest", "http://10.0.0.5:8000/v1", "ftp://example.com"]) {
      await expect(createConnection(as("ENGINEER"), { name: `x${baseUrl.length}`, kind: "openai", baseUrl })).rejects.toMatchObject({ code: "VALIDATION" });
    }
    expect(await db().providerConnection.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("requires the secret again when the base URL changes", async () => {
    const { project, as } = await makeProject(["ENGINEER"]);
    const c = await createConnection(as("ENGINEER"), { name: "c", kind: "openai", baseUrl: "http://127.0.0.1:9/v1", secret: SECRET });
    await expect(updateConnection(as("ENGINEER"), c.id, { baseUrl: "http://localhost:9/v1" })).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await getConnection(as("ENGINEER"), c.id)).baseUrl).toBe("http://127.0.0.1:9/v1");
    const moved = await updateConnection(as("ENGINEER"), c.id, { baseUrl: "http://localhost:9/v1", secret: "sk-new-secret-for-new-host" });
    expect(moved.baseUrl).toBe("http://localhost:9/v1");
    expect((await connectionForUse(project.id, c.id)).apiKey).toBe("sk-new-secret-for-new-host");
    await updateConnection(as("ENGINEER"), c.id, { secret: null });
    expect((await getConnection(as("ENGINEER"), c.id)).hasSecret).toBe(false);
  });

  it("keeps readers and other projects out", async () => {
    const a = await makeProject(["ENGINEER", "VIEWER"]);
    const b = await makeProject(["ENGINEER"]);
    await expect(createConnection(a.as("VIEWER"), { name: "v", kind: "offline" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const c = await createConnection(a.as("ENGINEER"), { name: "off", kind: "offline" });
    await expect(getConnection(b.as("ENGINEER"), c.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("serves the API under the key's own project, with secrets write-only", async () => {
    const { project, as } = await makeProject(["ADMIN"]);
    const key = await createApiKey(as("ADMIN"), { name: "reg", scopes: ["registry:read", "registry:write"] });
    const headers = { authorization: `Bearer ${key.token}`, "content-type": "application/json" };
    const ctx = { params: Promise.resolve({ project: project.slug }) };
    const created = await createRoute(new Request("http://x", { method: "POST", headers, body: JSON.stringify({ name: "api", kind: "openai", baseUrl: "http://127.0.0.1:9/v1", secret: SECRET }) }), ctx);
    expect(created.status).toBe(201);
    const list = await listRoute(new Request("http://x", { headers }), ctx);
    const text = await list.text();
    expect(text).toContain('"hasSecret":true');
    expect(text).not.toContain("0123456789abcdef");
    const bad = await createRoute(new Request("http://x", { method: "POST", headers, body: JSON.stringify({ name: "bad", kind: "anthropic", baseUrl: "https://api.anthropic.com" }) }), ctx);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues.map((i: { field: string }) => i.field)).toContain("secret");
  });
});
