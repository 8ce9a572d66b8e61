import type { Job } from "bullmq";
import { parseJob } from "../lib/queue/jobs";
import { processTraceBatch } from "../lib/traces/process";
import { sweepTraceBatches } from "../lib/traces/sweep";

export async function processTraceProcess(job: Pick<Job, "data">) {
  const payload = parseJob("trace.process", job.data);
  return processTraceBatch(payload.projectId, payload.batchId);
}

export async function processTraceSweep(job: Pick<Job, "data">) {
  parseJob("trace.sweep", job.data);
  return { requeued: await sweepTraceBatches() };
}
