import type { Job } from "bullmq";
import { parseJob } from "../lib/queue/jobs";
import { runAuditVerification } from "../lib/audit/service";
import { logger } from "../lib/log/logger";

export async function processAuditVerify(job: Job) {
  parseJob("audit.verify", job.data);
  // the job id is unique per scheduled run, so a redelivery records the same row once
  const result = await runAuditVerification(`job:${job.id}`);
  if (result.ok) logger.info({ job: job.id, checked: result.checked }, "audit chain verified");
  else logger.error({ job: job.id, brokenSeq: String(result.brokenSeq), reason: result.reason }, "audit chain broken");
  return { ok: result.ok, checked: result.checked };
}
