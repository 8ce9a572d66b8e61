import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createApiKey } from "../apikeys/service";
import { makeProject } from "../../scripts/test/fixtures";
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/projects/[project]/budgets/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "../../app/api/v1/projects/[project]/budgets/[id]/route";

// Budgets over HTTP. API keys cannot hold budgets:write (it is not a key scope), so writes are
// refused to keys; reads need traces:read.

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
  });
});
