import type { Job } from "bullmq";
import { DEFAULT_JOB_OPTIONS, parseJob } from "../lib/queue/jobs";
import { processIndexJob } from "../lib/registry/retrieval/index-build";
import { logger } from "../lib/log/logger";

export async function processRetrievalIndex(job: Pick<Job, "id" | "data" | "attemptsMade" | "opts">) {
  const payload = parseJob("retrieval.index", job.data);
  const result = await processIndexJob(payload, { made: job.attemptsMade, max: job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts });
  logger.info({ job: job.id, buildId: payload.buildId, generation: payload.generation, ran: result.ran }, "retrieval index job finished");
  return result;
}
