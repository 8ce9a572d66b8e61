import { db } from "../db";
import type { UsageSums } from "./summary";

// The only place cost dashboards and estimates touch Prisma: the daily usage rollup, plus the eval
// results and model prices an estimate reads. Every query is scoped by project.

const SUMS = { requests: true, failedRequests: true, spans: true, errorSpans: true, inputTokens: true, outputTokens: true, costUsd: true } as const;

type RawSums = { requests: number | null; failedRequests: number | null; spans: number | null; errorSpans: number | null; inputTokens: bigint | null; outputTokens: bigint | null; costUsd: number | null };

function sums(s: RawSums): UsageSums {
  return {
    requests: s.requests ?? 0, failedRequests: s.failedRequests ?? 0, spans: s.spans ?? 0, errorSpans: s.errorSpans ?? 0,
    inputTokens: Number(s.inputTokens ?? 0n), outputTokens: Number(s.outputTokens ?? 0n), costUsd: s.costUsd ?? 0,
  };
}

/** The rollup in [from, to) grouped five ways, each small: the dashboard needs nothing finer. */
export async function usageGroups(projectId: string, from: Date, to: Date) {
  const where = { projectId, day: { gte: from, lt: to } };
  const [byDayModel, byDayTeam, byPrompt, byRelease, byEnvironment] = await Promise.all([
    db().usageDaily.groupBy({ by: ["day", "model"], where, _sum: SUMS }),
    db().usageDaily.groupBy({ by: ["day", "team"], where, _sum: SUMS }),
    db().usageDaily.groupBy({ by: ["promptName", "promptVersion"], where, _sum: SUMS }),
    db().usageDaily.groupBy({ by: ["releaseId", "variant"], where, _sum: SUMS }),
    db().usageDaily.groupBy({ by: ["environment"], where, _sum: SUMS }),
  ]);
  return {
    byDayModel: byDayModel.map((r) => ({ day: r.day, model: r.model, ...sums(r._sum) })),
    byDayTeam: byDayTeam.map((r) => ({ day: r.day, team: r.team, ...sums(r._sum) })),
    byPrompt: byPrompt.map((r) => ({ promptName: r.promptName, promptVersion: r.promptVersion, ...sums(r._sum) })),
    byRelease: byRelease.map((r) => ({ releaseId: r.releaseId, variant: r.variant, ...sums(r._sum) })),
    byEnvironment: byEnvironment.map((r) => ({ environment: r.environment, ...sums(r._sum) })),
  };
}

/** Spend per project in [from, to), for the projects named (the caller decides which the person may see). */
export async function usageByProject(projectIds: string[], from: Date, to: Date) {
  if (projectIds.length === 0) return [];
  const rows = await db().usageDaily.groupBy({ by: ["projectId"], where: { projectId: { in: projectIds }, day: { gte: from, lt: to } }, _sum: SUMS });
  return rows.map((r) => ({ projectId: r.projectId, ...sums(r._sum) }));
}

export async function hasAnyUsage(projectId: string): Promise<boolean> {
  return (await db().usageDaily.findFirst({ where: { projectId }, select: { projectId: true } })) !== null;
}

export function findCompletedEvalRuns(projectId: string, take: number) {
  return db().evalRun.findMany({
    where: { projectId, status: "completed" },
    select: { id: true, name: true, createdAt: true, modelVersion: { select: { displayName: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });
}

export function findEvalRunWithPrices(projectId: string, id: string) {
  return db().evalRun.findFirst({
    where: { projectId, id },
    select: {
      id: true, name: true, status: true,
      modelVersion: { select: { id: true, displayName: true, providerModelId: true, inputPricePerMTok: true, outputPricePerMTok: true } },
    },
  });
}

/** Mean candidate tokens per successful result (judge tokens are not production traffic). */
export async function candidateTokenStats(runId: string) {
  const r = await db().evalResult.aggregate({ where: { runId, status: "ok" }, _avg: { inputTokens: true, outputTokens: true }, _count: { _all: true } });
  return { input: r._avg.inputTokens ?? 0, output: r._avg.outputTokens ?? 0, sampleSize: r._count._all };
}
