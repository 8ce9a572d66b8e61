import { Queue } from "bullmq";
import { env } from "../env";
import { newProducerConnection } from "../redis";
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUE_NAME, type JobName, type JobPayload } from "./jobs";

const g = globalThis as unknown as { flightdeckQueue?: Queue; flightdeckQueueConn?: ReturnType<typeof newProducerConnection> };

export function queue(): Queue {
  g.flightdeckQueueConn ??= newProducerConnection();
  g.flightdeckQueue ??= new Queue(QUEUE_NAME, {
    connection: g.flightdeckQueueConn,
    prefix: env().REDIS_PREFIX,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  return g.flightdeckQueue;
}

/** Parses the payload before it reaches Redis; jobId makes a repeated enqueue a no-op; delay (ms) defers the job. */
export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, opts: { jobId?: string; delay?: number } = {}) {
  const data = JOBS[name].parse(payload);
  return queue().add(name, data, opts);
}

/** Registers (or updates) the repeatable jobs; safe to call on every worker start. */
export async function scheduleRepeatableJobs(): Promise<void> {
  await queue().upsertJobScheduler(
    "audit.verify:scheduled",
    { every: env().AUDIT_VERIFY_EVERY_MINUTES * 60_000 },
    { name: "audit.verify", data: JOBS["audit.verify"].parse({ reason: "scheduled" }) },
  );
  await queue().upsertJobScheduler("eval.sweep:scheduled", { every: EVAL_SWEEP_EVERY_MS }, { name: "eval.sweep", data: {} });
  await queue().upsertJobScheduler("trace.sweep:scheduled", { every: TRACE_SWEEP_EVERY_MS }, { name: "trace.sweep", data: {} });
  await queue().upsertJobScheduler("trace.retention:scheduled", { every: TRACE_RETENTION_EVERY_MS }, { name: "trace.retention", data: {} });
  await queue().upsertJobScheduler("budget.sweep:scheduled", { every: BUDGET_SWEEP_EVERY_MS }, { name: "budget.sweep", data: {} });
  await queue().upsertJobScheduler("release.canary-monitor:scheduled", { every: CANARY_MONITOR_EVERY_MS }, { name: "release.canary-monitor", data: {} });
  await queue().upsertJobScheduler("label.sample:scheduled", { every: LABEL_SAMPLE_EVERY_MS }, { name: "label.sample", data: {} });
}

// the finest cadence a queue may ask for is a minute
const LABEL_SAMPLE_EVERY_MS = 60_000;

// a bad canary is rolled back within about a minute of the window showing it
const CANARY_MONITOR_EVERY_MS = 60_000;

const BUDGET_SWEEP_EVERY_MS = 60_000;

const TRACE_RETENTION_EVERY_MS = 3_600_000;

const TRACE_SWEEP_EVERY_MS = 60_000;

// Often enough that a run whose worker died resumes within about a minute (the lease is 30 s).
const EVAL_SWEEP_EVERY_MS = 30_000;

export async function closeQueue(): Promise<void> {
  const q = g.flightdeckQueue;
  const conn = g.flightdeckQueueConn;
  g.flightdeckQueue = undefined;
  g.flightdeckQueueConn = undefined;
  await q?.close();
  // BullMQ leaves connections it was given open; this one is ours to close
  await conn?.quit().catch(() => {});
}
