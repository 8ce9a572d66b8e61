import type { Job } from "bullmq";
import { parseJob } from "../lib/queue/jobs";
import { sampleDueQueues } from "../lib/labelling/sampling-run";

// Labelling queues with a traces or feedback source: add what arrived since each one's last sample.
export async function processLabelSample(job: Job) {
  const { queueId } = parseJob("label.sample", job.data);
  const runs = await sampleDueQueues({ queueId });
  return { queues: runs.length, added: runs.reduce((n, r) => n + r.added, 0) };
}
