import { enqueue } from "../queue/queue";
import { processJobId } from "./ingest";
import { claimStaleBatches } from "./repo";

const STALE_AFTER_MS = 60_000;
const SWEEP_LIMIT = 500;
// a batch re-queued this many times without being processed is marked failed, with its last error
export const MAX_SWEEP_ATTEMPTS = 10;

/**
 * Re-queues batches stored but not processed a minute later (Redis restarted empty, the job failed
 * out). A fresh job id per attempt: BullMQ ignores an add whose id it still remembers.
 */
export async function sweepTraceBatches(now = new Date()): Promise<number> {
  const stale = await claimStaleBatches(new Date(now.getTime() - STALE_AFTER_MS), SWEEP_LIMIT, MAX_SWEEP_ATTEMPTS);
  for (const b of stale) await enqueue("trace.process", { projectId: b.projectId, batchId: b.id }, { jobId: processJobId(b.id, b.attempts) });
  return stale.length;
}
