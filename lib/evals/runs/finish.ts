import { db } from "../../db";
import { appendAuditEvent } from "../../audit/repo";
import { findResultsForSummary } from "./repo";
import { summarizeRun } from "./summary";
import { scoreKeysOf } from "./score-keys";
import type { StoredRunConfig } from "./schemas";
import type { ResultForSummary, RunSummary } from "./types";

// Ending a run: its summary is computed once from the result rows and stored with the final status,
// and the end is an audit event (who asked for it is in eval_run.cancel; this is the system's record).

// 1,000 resamples put a 95% percentile interval's ends within about ±0.01 of their limit for the
// sample sizes of golden sets, at half the cost of 2,000 (a summary runs ~25 bootstraps).
const SUMMARY_RESAMPLES = 1000;

/** `known`: every row of the run, when the caller holds them all (saves reading them back). */
export async function computeSummary(runId: string, config: StoredRunConfig, known?: ResultForSummary[], resamples = SUMMARY_RESAMPLES): Promise<RunSummary> {
  const rows = known ?? (await findResultsForSummary(runId));
  return summarizeRun(rows as ResultForSummary[], scoreKeysOf(config), { resamples });
}

export async function finishRun(
  run: { id: string; projectId: string; config: unknown }, workerId: string, status: "completed" | "cancelled" | "stopped" | "failed",
  detail: { stopReason?: string; error?: string }, known?: ResultForSummary[],
) {
  const runId = run.id;
  const summary = await computeSummary(runId, run.config as StoredRunConfig, known);
  await db().$transaction(async (tx) => {
    const ended = await tx.evalRun.updateMany({
      where: { id: runId, leaseOwner: workerId, status: { in: ["queued", "running"] } },
      data: { status, stopReason: detail.stopReason ?? null, error: detail.error ?? null, summary: summary as object, finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null },
    });
    if (ended.count === 0) return;
    await appendAuditEvent(tx, {
      actorType: "system", actorId: "eval-worker", actorLabel: "Eval worker", projectId: run.projectId, requestId: null,
      action: `eval_run.${status}`, resourceType: "eval_run", resourceId: runId,
      after: { status, stopReason: detail.stopReason ?? null, error: detail.error ?? null, results: summary.overall.results, failed: summary.overall.failed, costUsd: summary.overall.cost.total },
    });
  });
}
