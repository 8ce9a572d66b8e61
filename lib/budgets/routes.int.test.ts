import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createApiKey } from "../apikeys/service";
import { makeProject } from "../../scripts/test/fixtures";
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/projects/[project]/budgets/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "../../app/api/v1/projects/[project]/budgets/[id]/route";

// Budgets over HTTP: reads need traces:read, writes budgets:write (people and keys alike, so budgets
// can be kept in code).

describe("budgets API", () => {
  it("keys read budgets with traces:read and are refused writes, which change nothing", async () => {
    const { project, as } = await makeProject(["ADMIN"]);
    const { token } = await createApiKey(as("ADMIN"), { name: "reader", scopes: ["traces:read", "traces:write"] });
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const url = `http://x/api/v1/projects/${project.slug}/budgets`;
    const ctx = (id?: string) => ({ params: Promise.resolve({ project: project.slug, ...(id ? { id } : {}) }) });

    const refused = await createRoute(new Request(url, { method: "POST", headers, body: JSON.stringify({ scope: "project", period: "daily", limitUsd: 5 }) }), ctx());
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain("budgets:write");

    const b = await db().budget.create({ data: { projectId: project.id, scope: "team", team: "ops", period: "monthly", limitUsd: 20, webhookUrl: "https://hooks.example.com/T0/SECRET" } });
    const listed = await (await listRoute(new Request(url, { headers }), ctx())).json();
    expect(listed.budgets).toEqual([expect.objectContaining({ id: b.id, team: "ops", period: "monthly", limitUsd: 20, spentUsd: 0, webhookHost: "hooks.example.com" })]);
    expect(JSON.stringify(listed)).not.toContain("SECRET");
    expect((await getRoute(new Request(`${url}/${b.id}`, { headers }), ctx(b.id))).status).toBe(200);
    expect((await getRoute(new Request(`${url}/nope`, { headers }), ctx("nope"))).status).toBe(404);
    expect((await patchRoute(new Request(`${url}/${b.id}`, { method: "PATCH", headers, body: JSON.stringify({ limitUsd: 1 }) }), ctx(b.id))).status).toBe(403);
    expect((await deleteRoute(new Request(`${url}/${b.id}`, { method: "DELETE", headers }), ctx(b.id))).status).toBe(403);
    expect(await db().budget.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ limitUsd: 20 });

    // a key with budgets:write manages budgets, audited as the key
    const writer = await createApiKey(as("ADMIN"), { name: "finops", scopes: ["budgets:write", "traces:read"] });
    const wh = { ...headers, authorization: `Bearer ${writer.token}` };
    const created = await createRoute(new Request(url, { method: "POST", headers: wh, body: JSON.stringify({ scope: "project", period: "daily", limitUsd: 5 }) }), ctx());
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await patchRoute(new Request(`${url}/${id}`, { method: "PATCH", headers: wh, body: JSON.stringify({ limitUsd: 7 }) }), ctx(id))).status).toBe(200);
    expect(await db().budget.findUniqueOrThrow({ where: { id } })).toMatchObject({ limitUsd: 7 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { projectId: project.id, resourceId: id, action: { contains: "budget" } }, orderBy: { createdAt: "asc" } });
    expect(audit.actorLabel).toContain("finops");
  });
});
