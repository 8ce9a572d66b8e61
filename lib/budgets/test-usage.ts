import { db } from "../db";

// Rollup rows as the trace worker writes them, for tests that need spend without ingesting traces.
export async function addUsage(projectId: string, row: { day: string; costUsd: number; team?: string; model?: string; environment?: string; requests?: number; failedRequests?: number; inputTokens?: number; outputTokens?: number; releaseId?: string; variant?: string; promptName?: string; promptVersion?: number }) {
  const key = {
    projectId, day: new Date(`${row.day}T00:00:00Z`), environment: row.environment ?? "", team: row.team ?? "", releaseId: row.releaseId ?? "",
    variant: row.variant ?? "", promptName: row.promptName ?? "", promptVersion: row.promptVersion ?? 0, model: row.model ?? "m",
  };
  const sums = {
    costUsd: row.costUsd, requests: row.requests ?? 0, failedRequests: row.failedRequests ?? 0, spans: 1, errorSpans: 0,
    inputTokens: BigInt(row.inputTokens ?? 0), outputTokens: BigInt(row.outputTokens ?? 0),
  };
  await db().usageDaily.upsert({
    where: { projectId_day_environment_team_releaseId_variant_promptName_promptVersion_model: key },
    create: { ...key, ...sums },
    update: {
      costUsd: { increment: sums.costUsd }, requests: { increment: sums.requests }, failedRequests: { increment: sums.failedRequests },
      spans: { increment: 1 }, inputTokens: { increment: sums.inputTokens }, outputTokens: { increment: sums.outputTokens },
    },
  });
}
