import { env } from "../env";
import { loggableError, parseOrThrow } from "../errors";
import { logger } from "../log/logger";
import { assertCan, type Principal } from "../authz/principal";
import { enqueue } from "../queue/queue";
import { insertTraceBatch } from "./repo";
import { ZIngestBatch, type TIngestBatch, type TOtlpExportRequest } from "./schemas";
import { otlpToIngestBatch } from "./otlp";
import { scrubBatch } from "./scrub";
import { traceSettings } from "./settings";

// A Redis outage must not hold the request: the batch is already durable and the sweeper picks it up.
const ENQUEUE_TIMEOUT_MS = 2000;

export const processJobId = (batchId: string, attempt = 0) => `trace-process-${batchId}-${attempt}`;

/** Scrubs, stores the batch, then queues it: 202 only once the scrubbed batch is in Postgres. */
export async function ingestTraces(principal: Principal, batch: TIngestBatch) {
  assertCan(principal, "traces:write");
  const { scrubFailClosed } = await traceSettings(principal.projectId);
  const stored = scrubBatch(batch, Buffer.from(env().SECRETS_KEY, "base64"), { failClosed: scrubFailClosed });
  const batchId = await insertTraceBatch(principal.projectId, stored);
  await enqueueWithin({ projectId: principal.projectId, batchId }, ENQUEUE_TIMEOUT_MS).catch((err) =>
    logger.warn({ batchId, err: loggableError(err) }, "trace batch stored but not queued; the sweeper will queue it"),
  );
  return { batchId, traces: stored.traces.length, spans: stored.traces.reduce((n, t) => n + t.spans.length, 0) };
}

async function enqueueWithin(payload: { projectId: string; batchId: string }, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`enqueue took over ${ms} ms`)), ms); });
  try {
    await Promise.race([enqueue("trace.process", payload, { jobId: processJobId(payload.batchId) }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** OTLP/HTTP JSON export: mapped onto the native batch, then the same path. Answers like ExportTraceServiceResponse. */
export async function ingestOtlpTraces(principal: Principal, request: TOtlpExportRequest) {
  assertCan(principal, "traces:write");
  const batch = otlpToIngestBatch(request);
  // an export with no spans is valid OTLP and stores nothing
  if (batch.traces.length === 0) return { partialSuccess: {}, batchId: null, traces: 0, spans: 0 };
  const result = await ingestTraces(principal, parseOrThrow(ZIngestBatch, batch, "Mapped OTLP export"));
  return { partialSuccess: {}, ...result };
}
