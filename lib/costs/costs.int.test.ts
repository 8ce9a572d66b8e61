import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createApiKey } from "../apikeys/service";
import { createEvalRun } from "../evals/runs/create-run";
import { executeEvalRun } from "../evals/runs/execute";
import { evalProject } from "../evals/runs/test-fixtures";
import { makeProject } from "../../scripts/test/fixtures";
import { addUsage } from "../budgets/test-usage";
import { GET as summaryRoute } from "../../app/api/v1/projects/[project]/costs/route";
import { GET as estimateRoute } from "../../app/api/v1/projects/[project]/costs/estimate/route";
import { getCostByProject, getCostSummary } from "./service";

// The cost API through the real route handlers (API key, scope, zod, error mapping) over rollup rows.

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function keyFor(project: { slug: string }, admin: Parameters<typeof createApiKey>[0], scopes: string[]) {
  const { token } = await createApiKey(admin, { name: `k-${scopes.join("-")}`, scopes: scopes as never });
  const ctx = { params: Promise.resolve({ project: project.slug }) };
  return (route: typeof summaryRoute, query: string) => route(new Request(`http://x/api/v1/projects/${project.slug}/costs${query}`, { headers: { authorization: `Bearer ${token}` } }), ctx);
}

describe("cost summary", () => {
  it("totals, per-day series and breakdowns over the chosen range", async () => {
    const { project, as } = await makeProject(["ADMIN"]);
    const call = await keyFor(project, as("ADMIN"), ["traces:read"]);

    const empty = await (await call(summaryRoute, "")).json();
    expect(empty).toMatchObject({ hasUsage: false, range: { range: "30d", days: 30 }, totals: { costUsd: 0, requests: 0, costPerSuccessfulRequestUsd: null, errorRate: null } });
    expect(empty.daily.points).toHaveLength(30);

    const dims = { environment: "production", releaseId: "rel-1", variant: "canary", promptName: "support", promptVersion: 3 };
    // request counts on the model "" row, cost on the model's row, as the trace worker writes them
    await addUsage(project.id, { day: today(), model: "", team: "search", requests: 4, failedRequests: 1, costUsd: 0, ...dims });
    await addUsage(project.id, { day: today(), model: "gpt-4.1", team: "search", costUsd: 0.6, inputTokens: 1000, outputTokens: 200, ...dims });
    await addUsage(project.id, { day: daysAgo(3), model: "", team: "support", requests: 2, costUsd: 0 });
    await addUsage(project.id, { day: daysAgo(3), model: "claude", team: "support", costUsd: 0.3, inputTokens: 500, outputTokens: 50 });
    // outside a 7-day range
    await addUsage(project.id, { day: daysAgo(20), model: "claude", team: "support", requests: 1, costUsd: 5 });

    const week = await (await call(summaryRoute, "?range=7d&groupBy=team")).json();
    expect(week.hasUsage).toBe(true);
    expect(week.range).toEqual({ range: "7d", days: 7, from: daysAgo(6), to: today() });
    expect(week.totals).toMatchObject({ requests: 6, failedRequests: 1, inputTokens: 1500, outputTokens: 250 });
    expect(week.totals.costUsd).toBeCloseTo(0.9);
    expect(week.totals.costPerSuccessfulRequestUsd).toBeCloseTo(0.9 / 5);
    expect(week.totals.errorRate).toBeCloseTo(1 / 6);
    expect(week.daily.series.map((s: { label: string }) => s.label)).toEqual(["search", "support"]);
    expect(week.daily.points.at(-1)).toMatchObject({ day: today(), values: { search: 0.6, support: 0 } });
    expect(week.breakdowns.model.map((r: { label: string; requests: unknown }) => [r.label, r.requests])).toEqual([["gpt-4.1", null], ["claude", null]]);
    expect(week.breakdowns.team.map((r: { label: string; requests: number }) => [r.label, r.requests])).toEqual([["search", 4], ["support", 2]]);
    expect(week.breakdowns.release.map((r: { label: string }) => r.label)).toEqual(["rel-1 · canary", "(none)"]);
    expect(week.breakdowns.promptVersion[0].label).toBe("support v3");
    expect(week.breakdowns.environment[0]).toMatchObject({ label: "production", requests: 4, failedRequests: 1 });

    const month = await getCostSummary(as("ADMIN"), { range: "30d", groupBy: "model" });
    expect(month.totals.costUsd).toBeCloseTo(5.9);
  });

  it("refuses bad input with a 422 naming the field, and keys without traces:read with 403", async () => {
    const { project, as } = await makeProject(["ADMIN"]);
    const call = await keyFor(project, as("ADMIN"), ["traces:read"]);
    const bad = await call(summaryRoute, "?range=12d&groupBy=prompt");
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual(["groupBy", "range"]);
    const writer = await keyFor(project, as("ADMIN"), ["traces:write"]);
    expect((await writer(summaryRoute, "")).status).toBe(403);
  });
});

describe("pre-launch estimate", () => {
  it("prices the candidate's mean tokens per successful result (judge tokens excluded) for a day and a month", async () => {
    const s = await evalProject({ kind: "offline", inputPrice: 2, outputPrice: 8 });
    const run = await createEvalRun(s.admin, s.runInput());
    await executeEvalRun(s.project.id, run.id, { workerId: "cost-test" });
    const results = await db().evalResult.findMany({ where: { runId: run.id, status: "ok" } });
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((r) => r.judgeInputTokens > 0)).toBe(true);
    const meanIn = results.reduce((a, r) => a + r.inputTokens, 0) / results.length;
    const meanOut = results.reduce((a, r) => a + r.outputTokens, 0) / results.length;

    const call = await keyFor(s.project, s.admin, ["traces:read"]);
    const res = await call(estimateRoute, `/estimate?evalRunId=${run.id}&requestsPerDay=2000`);
    expect(res.status).toBe(200);
    const e = await res.json();
    const perRequest = (meanIn * 2 + meanOut * 8) / 1e6;
    expect(e).toMatchObject({ evalRun: { id: run.id }, model: { id: s.model.id, inputPricePerMTok: 2, outputPricePerMTok: 8 }, requestsPerDay: 2000 });
    expect(e.tokensPerRequest).toMatchObject({ sampleSize: results.length });
    expect(e.tokensPerRequest.input).toBeCloseTo(meanIn);
    expect(e.costPerRequestUsd).toBeCloseTo(perRequest, 12);
    expect(e.dailyUsd).toBeCloseTo(perRequest * 2000, 9);
    expect(e.monthlyUsd).toBeCloseTo(perRequest * 2000 * 30, 8);

    expect((await call(estimateRoute, `/estimate?evalRunId=${run.id}&requestsPerDay=0`)).status).toBe(422);
    expect((await call(estimateRoute, `/estimate?requestsPerDay=10`)).status).toBe(422);
    expect((await call(estimateRoute, `/estimate?evalRunId=nope&requestsPerDay=10`)).status).toBe(404);
    const queued = await createEvalRun(s.admin, s.runInput());
    const notDone = await call(estimateRoute, `/estimate?evalRunId=${queued.id}&requestsPerDay=10`);
    expect(notDone.status).toBe(422);
    expect((await notDone.json()).error.message).toMatch(/queued; estimate from a completed run/);
  });
});

describe("cost by project", () => {
  it("shows a person the spend of their projects in the same organization only", async () => {
    const a = await makeProject(["ADMIN"]);
    const admin = a.as("ADMIN");
    if (admin.kind !== "user") throw new Error("expected a person");
    // a second project of the same organization the admin is a member of, and one of another organization
    const b = await db().project.create({ data: { organizationId: a.org.id, slug: `${a.project.slug}-b`, name: "Zeta project" } });
    await db().membership.create({ data: { projectId: b.id, userId: admin.userId, role: "VIEWER" } });
    const other = await makeProject(["ADMIN"]);
    await db().membership.create({ data: { projectId: other.project.id, userId: admin.userId, role: "ADMIN" } });
    const notMine = await db().project.create({ data: { organizationId: a.org.id, slug: `${a.project.slug}-c`, name: "Not mine" } });
    for (const [projectId, costUsd] of [[a.project.id, 3], [b.id, 1], [other.project.id, 50], [notMine.id, 70]] as const) {
      await addUsage(projectId, { day: today(), costUsd, requests: 2 });
    }
    const rows = await getCostByProject(admin, "7d");
    expect(rows.map((r) => [r.label, r.costUsd])).toEqual([[a.project.name, 3], ["Zeta project", 1]]);
    expect(rows[0].share).toBeCloseTo(0.75);
  });
});
