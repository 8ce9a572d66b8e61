import { db } from "../../db";
import { loggableError } from "../../errors";
import { logger } from "../../log/logger";
import { queue, enqueue } from "../../queue/queue";

// Getting eval runs to a worker. Postgres is the truth (a run is queued or running until a worker
// finishes it); the BullMQ job is only a wake-up call. So a lost job (Redis restarted empty), a worker
// that died or one that stopped for a deploy is found by the sweep and dispatched again.

// BullMQ refuses ":" in custom job ids
const jobIdOf = (runId: string) => `eval-run-${runId}`;
const LIVE_STATES = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);

/** Adds the run's job unless a live one exists; a finished job with the same id is replaced. */
export async function enqueueEvalRun(projectId: string, runId: string): Promise<boolean> {
  try {
    const jobId = jobIdOf(runId);
    const existing = await queue().getJob(jobId);
    if (existing) {
      if (LIVE_STATES.has(await existing.getState())) return false;
      await existing.remove().catch(() => {});
    }
    await enqueue("eval.run", { projectId, runId }, { jobId });
    return true;
  } catch (err) {
    logger.warn({ runId, err: loggableError(err) }, "eval run not dispatched now; the sweep will retry");
    throw err;
  }
}

/** Runs that should be moving but nobody holds: queued or running with no lease, or an expired one. */
export async function sweepEvalRuns(now = new Date()): Promise<number> {
  const orphans = await db().evalRun.findMany({
    where: { status: { in: ["queued", "running"] }, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
    select: { id: true, projectId: true },
    take: 100,
  });
  let dispatched = 0;
  for (const run of orphans) if (await enqueueEvalRun(run.projectId, run.id).catch(() => false)) dispatched++;
  if (dispatched) logger.info({ dispatched }, "eval runs re-dispatched");
  return dispatched;
}
