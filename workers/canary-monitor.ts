import type { Job } from "bullmq";
import { parseJob } from "../lib/queue/jobs";
import { monitorCanaries } from "../lib/environments/canary-monitor";

/** Every minute: each production canary is held, rolled back or graduated (idempotent: a move names the canary it expects). */
export async function processCanaryMonitor(job: Pick<Job, "data">) {
  parseJob("release.canary-monitor", job.data);
  const checks = await monitorCanaries();
  return { checked: checks.length, rolledBack: checks.filter((c) => c.outcome === "rolled_back").length, graduated: checks.filter((c) => c.outcome === "graduated").length };
}
