import type { Job } from "bullmq";
import { DEFAULT_JOB_OPTIONS, parseJob } from "../lib/queue/jobs";
import { executeEvalRun } from "../lib/evals/runs/execute";
import { sweepEvalRuns } from "../lib/evals/runs/dispatch";

export async function processEvalRun(job: Pick<Job, "data" | "attemptsMade" | "opts">, signal?: AbortSignal) {
  const payload = parseJob("eval.run", job.data);
  // attemptsMade counts the attempts before this one
  const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts);
  return executeEvalRun(payload.projectId, payload.runId, { signal, finalAttempt });
}

export async function processEvalSweep(job: Pick<Job, "data">) {
  parseJob("eval.sweep", job.data);
  return { dispatched: await sweepEvalRuns() };
}
