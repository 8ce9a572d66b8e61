import { scoreInjection } from "../guard/injection";
import { usageCostUsd, type TokenPrices } from "../registry/playground/cost";
import type { Prisma } from "../generated/prisma/client";
import { findModelPrices, findTraceBatch, findTraces, insertSpans, markBatchProcessed, upsertTrace } from "./repo";
import { ZStoredBatch, type TStoredSpan } from "./schemas";

// The worker side of ingestion: screen → cost → store. Idempotent: traces are upserted by
// (project, traceId) and spans inserted with ON CONFLICT DO NOTHING, so a redelivered job stores nothing twice.

export function spanCost(span: TStoredSpan, prices: Map<string, TokenPrices>): { costUsd: number | null; costSource: "reported" | "computed" | "unknown" } {
  const a = span.attributes ?? {};
  if (a.costUsd !== undefined) return { costUsd: a.costUsd, costSource: "reported" };
  const price = a.model ? prices.get(a.model) : undefined;
  if (!price || (a.inputTokens === undefined && a.outputTokens === undefined)) return { costUsd: null, costSource: "unknown" };
  return { costUsd: usageCostUsd({ inputTokens: a.inputTokens ?? 0, outputTokens: a.outputTokens ?? 0, estimated: false }, price), costSource: "computed" };
}

/** Injection screening of what reached the model from outside: the span input and retrieved chunks. */
export function screenSpan(span: TStoredSpan) {
  const texts = [span.input, ...(span.retrievedDocuments ?? []).map((d) => d.text)].filter((t): t is string => !!t);
  if (texts.length === 0) return { injectionScore: null, injectionFlagged: false, injectionReasons: [] as string[] };
  const results = texts.map((t) => scoreInjection(t));
  const top = results.reduce((a, b) => (b.score > a.score ? b : a));
  return { injectionScore: top.score, injectionFlagged: results.some((r) => r.flagged), injectionReasons: [...new Set(results.flatMap((r) => r.reasons))].slice(0, 20) };
}

function spanRow(projectId: string, traceId: string, span: TStoredSpan, prices: Map<string, TokenPrices>): Prisma.SpanCreateManyInput {
  const a = span.attributes ?? {};
  const startTime = new Date(span.startTime);
  const endTime = new Date(span.endTime);
  return {
    projectId, traceId, spanId: span.spanId, parentSpanId: span.parentSpanId ?? null, kind: span.kind, name: span.name,
    startTime, endTime, durationMs: endTime.getTime() - startTime.getTime(), status: span.status, error: span.error ?? null,
    model: a.model ?? null, inputTokens: a.inputTokens ?? null, outputTokens: a.outputTokens ?? null,
    ...spanCost(span, prices),
    input: span.input ?? null, output: span.output ?? null,
    retrievedDocs: span.retrievedDocuments ? (span.retrievedDocuments as Prisma.InputJsonValue) : undefined,
    piiTypes: span.piiTypes, ...screenSpan(span), attributes: a as Prisma.InputJsonValue,
  };
}

export async function processTraceBatch(projectId: string, batchId: string) {
  const row = await findTraceBatch(projectId, batchId);
  if (!row || row.status === "processed") return { skipped: true, spans: 0 };
  const batch = ZStoredBatch.parse(row.payload);
  const models = new Set(batch.traces.flatMap((t) => t.spans.map((s) => s.attributes?.model).filter((m): m is string => !!m)));
  // ordered oldest first, so the newest version of a model id wins
  const prices = new Map((await findModelPrices(projectId, [...models])).map((m) => [m.providerModelId, m] as const));
  const existing = new Map((await findTraces(projectId, batch.traces.map((t) => t.traceId))).map((t) => [t.traceId, t]));

  let inserted = 0;
  for (const t of batch.traces) {
    const prev = existing.get(t.traceId);
    const starts = t.spans.map((s) => Date.parse(s.startTime)).concat(prev ? [prev.startTime.getTime()] : []);
    const ends = t.spans.map((s) => Date.parse(s.endTime)).concat(prev ? [prev.endTime.getTime()] : []);
    const failed = t.spans.some((s) => s.status === "error") || prev?.status === "error";
    await upsertTrace({
      projectId, traceId: t.traceId, name: t.name ?? prev?.name ?? null,
      startTime: new Date(Math.min(...starts)), endTime: new Date(Math.max(...ends)), status: failed ? "error" : "ok",
      environment: t.environment ?? prev?.environment ?? null, releaseId: t.release?.id ?? prev?.releaseId ?? null,
      variant: t.release?.variant ?? prev?.variant ?? null, promptName: t.prompt?.name ?? prev?.promptName ?? null,
      promptVersion: t.prompt?.version ?? prev?.promptVersion ?? null, endUserHash: t.endUserHash ?? prev?.endUserHash ?? null,
      team: t.team ?? prev?.team ?? null,
      piiTypes: [...new Set([...(prev?.piiTypes ?? []), ...t.spans.flatMap((s) => s.piiTypes)])],
    });
    inserted += await insertSpans(t.spans.map((s) => spanRow(projectId, t.traceId, s, prices)));
  }
  await markBatchProcessed(projectId, batchId);
  return { skipped: false, spans: inserted };
}
