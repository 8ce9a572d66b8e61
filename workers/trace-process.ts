import type { Job } from "bullmq";
import { parseJob } from "../lib/queue/jobs";
import { processTraceBatch } from "../lib/traces/process";
import { sweepTraceBatches } from "../lib/traces/sweep";
import { recordBatchError } from "../lib/traces/repo";
import { deleteExpiredTraces } from "../lib/traces/retention";

export async function processTraceProcess(job: Pick<Job, "data">) {
  const payload = parseJob("trace.process", job.data);
  try {
    return await processTraceBatch(payload.projectId, payload.batchId);
  } catch (err) {
    // kept on the batch for an operator; BullMQ retries, then the sweeper, then the batch is marked failed
    await recordBatchError(payload.projectId, payload.batchId, err instanceof Error ? err.message : String(err)).catch(() => {});
    throw err;
  }
}

export async function processTraceRetention(job: Pick<Job, "data">) {
  parseJob("trace.retention", job.data);
  return deleteExpiredTraces();
}

export async function processTraceSweep(job: Pick<Job, "data">) {
  parseJob("trace.sweep", job.data);
  return { requeued: await sweepTraceBatches() };
}
