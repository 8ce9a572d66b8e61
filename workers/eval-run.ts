import type { Job } from "bullmq";
import { parseJob } from "../lib/queue/jobs";
import { executeEvalRun } from "../lib/evals/runs/execute";
import { sweepEvalRuns } from "../lib/evals/runs/dispatch";

export async function processEvalRun(job: Pick<Job, "data">, signal?: AbortSignal) {
  const payload = parseJob("eval.run", job.data);
  return executeEvalRun(payload.projectId, payload.runId, { signal });
}

export async function processEvalSweep(job: Pick<Job, "data">) {
  parseJob("eval.sweep", job.data);
  return { dispatched: await sweepEvalRuns() };
}
