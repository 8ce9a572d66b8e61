import os from "node:os";
import { Worker, type Job } from "bullmq";
import { env } from "../lib/env";
import { logger } from "../lib/log/logger";
import { loggableError } from "../lib/errors";
import { closeRedis, newWorkerConnection } from "../lib/redis";
import { disconnectDb } from "../lib/db";
import { writeHeartbeat } from "../lib/health/service";
import { QUEUE_NAME, type JobName } from "../lib/queue/jobs";
import { closeQueue, scheduleRepeatableJobs } from "../lib/queue/queue";
import { processAuditVerify } from "./audit-verify";
import { processRetrievalIndex } from "./retrieval-index";
import { processEvalRun, processEvalSweep } from "./eval-run";
import { processTraceProcess, processTraceRetention, processTraceSweep } from "./trace-process";
import { processBudgetCheck, processBudgetSweep, processBudgetWebhook } from "./budgets";
import { processCanaryMonitor } from "./canary-monitor";
import { processLabelSample } from "./label-sample";
import { sweepEvalRuns } from "../lib/evals/runs/dispatch";

// Aborted at shutdown so long jobs (eval runs) stop calling providers and hand their work back.
const stopping = new AbortController();

const processors: Record<JobName, (job: Job, signal: AbortSignal) => Promise<unknown>> = {
  "audit.verify": processAuditVerify,
  "retrieval.index": processRetrievalIndex,
  "eval.run": processEvalRun,
  "eval.sweep": processEvalSweep,
  "trace.process": processTraceProcess,
  "trace.sweep": processTraceSweep,
  "trace.retention": processTraceRetention,
  "budget.check": processBudgetCheck,
  "budget.webhook": processBudgetWebhook,
  "budget.sweep": processBudgetSweep,
  "release.canary-monitor": processCanaryMonitor,
  "label.sample": processLabelSample,
};

// a job that ignores shutdown must not keep the process (and a deploy) waiting forever
const SHUTDOWN_GRACE_MS = 30_000;
let shutdown: ((signal: string) => Promise<void>) | undefined;
let stopRequested: string | undefined;
// registered before anything awaits, so a signal during start-up is not lost
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    stopRequested ??= signal;
    if (shutdown) void shutdown(signal);
  });
}

async function main() {
  const e = env();
  try {
    os.setPriority(e.WORKER_NICE);
  } catch (err) {
    logger.warn({ err: loggableError(err) }, "could not lower the worker's priority");
  }
  const connection = newWorkerConnection();
  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      const run = processors[job.name as JobName];
      if (!run) throw new Error(`No processor for job "${job.name}"`);
      return run(job, stopping.signal);
    },
    { connection, prefix: e.REDIS_PREFIX, concurrency: 4 },
  );
  worker.on("failed", (job, err) => logger.error({ job: job?.id, name: job?.name, err: loggableError(err) }, "job failed"));
  // without a listener an "error" event (a Redis blip) would crash the process
  worker.on("error", (err) => logger.error({ err: loggableError(err) }, "worker error"));

  await scheduleRepeatableJobs();
  // runs a previous worker left running resume now rather than at the next scheduled sweep
  await sweepEvalRuns().catch((err) => logger.warn({ err: loggableError(err) }, "eval run sweep at start failed"));
  await writeHeartbeat();
  const beat = setInterval(() => writeHeartbeat().catch((err) => logger.warn({ err: err.message }, "heartbeat failed")), 10_000);
  logger.info({ queue: QUEUE_NAME }, "worker started");

  let stopStarted = false;
  shutdown = async (signal: string) => {
    if (stopStarted) return;
    stopStarted = true;
    stopping.abort();
    logger.info({ signal }, "worker stopping: finishing running jobs");
    setTimeout(() => {
      logger.error({ graceMs: SHUTDOWN_GRACE_MS }, "worker did not stop in time; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    clearInterval(beat);
    // close order: stop taking jobs and let running ones finish, then Redis, then the database
    await worker.close();
    await closeQueue();
    await connection.quit().catch(() => {});
    await closeRedis();
    await disconnectDb();
    logger.info("worker stopped");
    process.exit(0);
  };
  if (stopRequested) await shutdown(stopRequested);
}

main().catch((err) => {
  logger.fatal({ err: err instanceof Error ? err.message : String(err) }, "worker failed to start");
  process.exit(1);
});
