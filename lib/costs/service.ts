import { AppError } from "../errors";
import { assertCan, type Principal } from "../authz/principal";
import { estimateCost } from "./estimate";
import { candidateTokenStats, findCompletedEvalRuns, findEvalRunWithPrices, hasAnyUsage, usageByProject, usageGroups } from "./repo";
import { roleCan } from "../authz/permissions";
import { findMembershipsOfUser } from "../projects/repo";
import { RANGES, type TCostEstimate, type TCostSummary, type TCostSummaryQuery, type TEstimateQuery } from "./schemas";
import { breakdown, DAY_MS, dailySeries, NONE_LABEL, totalsOf } from "./summary";

// Cost dashboards and the pre-launch estimate. Reading costs needs traces:read.

const label = (key: string) => key || NONE_LABEL;

function utcToday(now: Date) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function rangeOf(range: TCostSummaryQuery["range"], now: Date) {
  const days = RANGES[range];
  const to = new Date(utcToday(now).getTime() + DAY_MS);
  return { days, from: new Date(to.getTime() - days * DAY_MS), to };
}

/**
 * Spend per project of the current project's organization — the projects this person is a member of
 * with traces:read (a key sees only its own project's page, so this is for people).
 */
export async function getCostByProject(principal: Principal, range: TCostSummaryQuery["range"], now = new Date()) {
  assertCan(principal, "traces:read");
  if (principal.kind !== "user") return [];
  const memberships = await findMembershipsOfUser(principal.userId);
  const current = memberships.find((m) => m.projectId === principal.projectId);
  const visible = memberships.filter((m) => m.project.organizationId === current?.project.organizationId && roleCan(m.role, "traces:read"));
  const { from, to } = rangeOf(range, now);
  const names = new Map(visible.map((m) => [m.projectId, m.project.name]));
  return breakdown(await usageByProject([...names.keys()], from, to), (r) => r.projectId, (id) => names.get(id) ?? id);
}

/** The last `days` UTC days, today included. */
export async function getCostSummary(principal: Principal, query: TCostSummaryQuery, now = new Date()): Promise<TCostSummary> {
  assertCan(principal, "traces:read");
  const { days, from, to } = rangeOf(query.range, now);
  const [g, hasUsage] = await Promise.all([usageGroups(principal.projectId, from, to), hasAnyUsage(principal.projectId)]);
  const daily = query.groupBy === "model"
    ? dailySeries(g.byDayModel, (r) => r.model, label, from, days)
    : dailySeries(g.byDayTeam, (r) => r.team, label, from, days);
  return {
    range: { range: query.range, days, from: from.toISOString().slice(0, 10), to: new Date(to.getTime() - DAY_MS).toISOString().slice(0, 10) },
    hasUsage,
    totals: totalsOf(g.byEnvironment),
    groupBy: query.groupBy,
    daily,
    breakdowns: {
      team: breakdown(g.byDayTeam, (r) => r.team, label),
      model: breakdown(g.byDayModel, (r) => r.model, label, false),
      promptVersion: breakdown(g.byPrompt, (r) => (r.promptName ? `${r.promptName}@${r.promptVersion}` : ""), (k) => (k ? k.replace(/@(\d+)$/, " v$1") : NONE_LABEL)),
      release: breakdown(g.byRelease, (r) => (r.releaseId ? `${r.releaseId}\u0000${r.variant}` : ""), (k) => {
        if (!k) return NONE_LABEL;
        const [id, variant] = k.split("\u0000");
        return variant ? `${id} · ${variant}` : id;
      }),
      environment: breakdown(g.byEnvironment, (r) => r.environment, label),
    },
  };
}

export async function listEstimableEvalRuns(principal: Principal) {
  assertCan(principal, "traces:read");
  const runs = await findCompletedEvalRuns(principal.projectId, 100);
  return runs.map((r) => ({ id: r.id, name: r.name, model: r.modelVersion.displayName, createdAt: r.createdAt.toISOString() }));
}

export async function estimateFromEvalRun(principal: Principal, query: TEstimateQuery): Promise<TCostEstimate> {
  assertCan(principal, "traces:read");
  const run = await findEvalRunWithPrices(principal.projectId, query.evalRunId);
  if (!run) throw new AppError("NOT_FOUND", "No eval run with this id in this project.", [{ field: "evalRunId", message: "no such eval run in this project" }]);
  if (run.status !== "completed") {
    throw new AppError("VALIDATION", `This eval run is ${run.status}; estimate from a completed run.`, [{ field: "evalRunId", message: `the run is ${run.status}, not completed` }]);
  }
  const tokens = await candidateTokenStats(run.id);
  if (tokens.sampleSize === 0) {
    throw new AppError("VALIDATION", "This run has no successful results to measure tokens from.", [{ field: "evalRunId", message: "no successful results" }]);
  }
  const m = run.modelVersion;
  const e = estimateCost({ inputTokensPerRequest: tokens.input, outputTokensPerRequest: tokens.output }, m, query.requestsPerDay);
  return {
    evalRun: { id: run.id, name: run.name },
    model: m,
    tokensPerRequest: tokens,
    requestsPerDay: query.requestsPerDay,
    ...e,
  };
}
