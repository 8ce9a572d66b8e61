import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { makeProject } from "../../../scripts/test/fixtures";
import { createApiKey } from "../../apikeys/service";
import { createConnection } from "../connections/service";
import { POST as createRoute } from "../../../app/api/v1/projects/[project]/models/route";
import { createModelVersion, listModelVersions, updateModelVersion } from "./service";
import type { TCreateModelVersion } from "./schemas";

const base = (connectionId: string): TCreateModelVersion => ({
  connectionId, providerModelId: "gpt-4o-mini-2024-07-18", displayName: "GPT-4o mini", inputPricePerMTok: 0.15, outputPricePerMTok: 0.6,
  cachedPricePerMTok: 0.075, priceAsOf: "2025-06-01", contextWindow: 128000, maxOutputTokens: 16384, capabilities: ["chat", "json"], region: "us", floating: false,
});

async function setup() {
  const p = await makeProject(["ENGINEER", "VIEWER", "ADMIN"]);
  const conn = await createConnection(p.as("ENGINEER"), { name: "off", kind: "offline" });
  return { ...p, conn };
}

describe("model versions", () => {
  it("registers a pinned model with prices, and audits price changes with before and after", async () => {
    const { as, conn } = await setup();
    const m = await createModelVersion(as("ENGINEER"), base(conn.id));
    expect(m).toMatchObject({ providerModelId: "gpt-4o-mini-2024-07-18", priceAsOf: "2025-06-01", floating: false, connectionName: "off" });
    const updated = await updateModelVersion(as("ENGINEER"), m.id, { inputPricePerMTok: 0.2, priceAsOf: "2025-09-01" });
    expect(updated).toMatchObject({ inputPricePerMTok: 0.2, priceAsOf: "2025-09-01", providerModelId: "gpt-4o-mini-2024-07-18" });
    const change = await db().auditEvent.findFirstOrThrow({ where: { resourceId: m.id, action: "model_version.update" } });
    expect(change.before).toMatchObject({ inputPricePerMTok: 0.15 });
    expect(change.after).toMatchObject({ inputPricePerMTok: 0.2 });
  });

  it("refuses floating aliases unless marked floating, and then flags them", async () => {
    const { as, conn, project } = await setup();
    await expect(createModelVersion(as("ENGINEER"), { ...base(conn.id), providerModelId: "gpt-4o" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(createModelVersion(as("ENGINEER"), { ...base(conn.id), providerModelId: "llama3:latest" })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db().modelVersion.count({ where: { projectId: project.id } })).toBe(0);
    const f = await createModelVersion(as("ENGINEER"), { ...base(conn.id), providerModelId: "gpt-4o", floating: true });
    expect(f.floating).toBe(true);
    expect((await listModelVersions(as("VIEWER"))).find((x) => x.id === f.id)?.floating).toBe(true);
  });

  it("refuses duplicates (409), other projects' connections (404) and writes by readers (403)", async () => {
    const a = await setup();
    const b = await setup();
    await createModelVersion(a.as("ENGINEER"), base(a.conn.id));
    await expect(createModelVersion(a.as("ENGINEER"), base(a.conn.id))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createModelVersion(b.as("ENGINEER"), base(a.conn.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createModelVersion(a.as("VIEWER"), base(a.conn.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers bad input over the API with 422 naming each field", async () => {
    const { project, as, conn } = await setup();
    const key = await createApiKey(as("ADMIN"), { name: "reg", scopes: ["registry:write"] });
    const res = await createRoute(
      new Request("http://x", {
        method: "POST",
        headers: { authorization: `Bearer ${key.token}`, "content-type": "application/json" },
        body: JSON.stringify({ ...base(conn.id), inputPricePerMTok: -1, maxOutputTokens: 200000, priceAsOf: "2025-13-45" }),
      }),
      { params: Promise.resolve({ project: project.slug }) },
    );
    expect(res.status).toBe(422);
    const fields = (await res.json()).error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["inputPricePerMTok", "priceAsOf"]));
    expect(await db().modelVersion.count({ where: { projectId: project.id } })).toBe(0);
  });
});
