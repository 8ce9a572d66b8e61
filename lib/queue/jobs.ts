import { z } from "zod";

// The one queue contract: job names and their payload schemas, shared by producers and workers.
export const QUEUE_NAME = "flightdeck";

export const JOBS = {
  "audit.verify": z.object({ reason: z.enum(["scheduled", "manual"]).default("scheduled") }).strict(),
  // chunk and embed a knowledge base for one retrieval config version (lib/registry/retrieval/index-build.ts)
  "retrieval.index": z.object({ projectId: z.string().min(1), buildId: z.string().min(1), generation: z.number().int().min(1) }).strict(),
  // run (or resume) one eval run; the run's lease in Postgres decides who works on it (lib/evals/runs/execute.ts)
  "eval.run": z.object({ projectId: z.string().min(1), runId: z.string().min(1) }).strict(),
  // re-dispatch eval runs that are queued or running but held by nobody (Redis lost the job, a worker died)
  "eval.sweep": z.object({}).strict(),
  // turn one stored, already scrubbed trace batch into traces and spans (lib/traces/process.ts); ids only
  "trace.process": z.object({ projectId: z.string().min(1), batchId: z.string().min(1) }).strict(),
  // re-enqueue trace batches still queued a minute after they were stored (Redis lost the job)
  "trace.sweep": z.object({}).strict(),
  // delete spans and traces older than each project's retention (lib/traces/retention.ts)
  "trace.retention": z.object({}).strict(),
  // compare a project's spend with its budgets and raise 50/80/100% alerts (lib/budgets)
  "budget.check": z.object({ projectId: z.string().min(1) }).strict(),
  // deliver one budget alert to the budget's webhook; BullMQ retries with backoff (lib/budgets)
  "budget.webhook": z.object({ alertId: z.string().min(1) }).strict(),
  // re-queue budget webhooks that never started (Redis was down when the alert was raised)
  "budget.sweep": z.object({}).strict(),
  // compare each production canary with stable on recent traces; roll back or graduate per policy (lib/environments/canary-monitor.ts)
  "release.canary-monitor": z.object({}).strict(),
  // sample the labelling queues whose traces or feedback source is due (or one queue now); lib/labelling/sampling-run.ts
  "label.sample": z.object({ queueId: z.string().min(1).optional() }).strict(),
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]>;

export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential" as const, delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

export function parseJob<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return JOBS[name].parse(data) as JobPayload<N>;
}
