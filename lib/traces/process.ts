import { scoreInjection } from "../guard/injection";
import { usageCostUsd, type TokenPrices } from "../registry/playground/cost";
import { loggableError } from "../errors";
import { logger } from "../log/logger";
import { enqueue } from "../queue/queue";
import {
  addUsage, claimQueuedBatches, findBatchStatus, findModelPrices, inStorageTransaction, insertSpans, lockTraces, markBatchFailed, markBatchesProcessed,
  recomputeToolCalls, selectTraces, upsertTraces, type NewSpan, type SpanRow, type TraceAddition, type TraceRow, type UsageRow,
} from "./repo";
import { applyOpinion, inUncertainBand, loadGuardModel, secondOpinions } from "./guard-model";
import { ZStoredBatch, type TStoredBatch, type TStoredSpan, type TStoredTrace } from "./schemas";

// The worker side of ingestion: screen → cost → store spans → trace aggregates → daily rollups, all in
// one transaction holding locks on the traces it touches. Spans are inserted ON CONFLICT DO NOTHING and only the rows
// actually inserted reach the rollups, so a redelivered or re-swept batch stores and counts nothing twice.

export function spanCost(span: TStoredSpan, prices: Map<string, TokenPrices>): { costUsd: number | null; costSource: "reported" | "computed" | "unknown" } {
  const a = span.attributes ?? {};
  if (a.costUsd !== undefined) return { costUsd: a.costUsd, costSource: "reported" };
  const price = a.model ? prices.get(a.model) : undefined;
  if (!price || (a.inputTokens === undefined && a.outputTokens === undefined)) return { costUsd: null, costSource: "unknown" };
  return { costUsd: usageCostUsd({ inputTokens: a.inputTokens ?? 0, outputTokens: a.outputTokens ?? 0, estimated: false }, price), costSource: "computed" };
}

// Popular knowledge-base chunks and repeated prompts are screened once per worker, not once per span.
const SCREEN_CACHE_SIZE = 5_000;
const screened = new Map<string, ReturnType<typeof scoreInjection>>();
function screenText(text: string) {
  const hit = screened.get(text);
  if (hit) return hit;
  const result = scoreInjection(text);
  if (screened.size >= SCREEN_CACHE_SIZE) screened.delete(screened.keys().next().value as string);
  screened.set(text, result);
  return result;
}

/**
 * Injection screening of what reaches the model from outside: the user's input (the input of a span
 * with no parent — the request as the application received it), retrieved chunks and what tools
 * returned (a fetched web page is retrieved content too). Inputs of inner spans are built by the
 * application from those, and screening them again would only cost time.
 */
export function screenSpan(span: TStoredSpan) {
  const texts = [
    span.parentSpanId ? undefined : span.input,
    span.kind === "tool" ? span.output : undefined,
    ...(span.retrievedDocuments ?? []).map((d) => d.text),
  ].filter((t): t is string => !!t);
  if (texts.length === 0) return { injectionScore: null, injectionFlagged: false, injectionReasons: [] as string[], topText: null };
  const results = texts.map(screenText);
  let top = 0;
  for (let i = 1; i < results.length; i++) if (results[i].score > results[top].score) top = i;
  return {
    injectionScore: results[top].score, injectionFlagged: results.some((r) => r.flagged),
    injectionReasons: [...new Set(results.flatMap((r) => r.reasons))].slice(0, 20), topText: texts[top] as string | null,
  };
}

/** Spans the rules are unsure about get the project's guard model's opinion, when it has one. */
async function withSecondOpinions(projectId: string, screened: { row: SpanRow; topText: string | null }[]): Promise<SpanRow[]> {
  const unsure = screened.filter((s) => s.topText && inUncertainBand(s.row.injectionScore));
  const guard = unsure.length ? await loadGuardModel(projectId) : null;
  if (!guard) return screened.map((s) => s.row);
  const opinions = await secondOpinions(guard, unsure.map((s) => s.topText!));
  return screened.map((s) => (s.topText && inUncertainBand(s.row.injectionScore) ? applyOpinion(s.row, opinions.get(s.topText)) : s.row));
}

const iso = (t: string) => new Date(t).toISOString();
const utcDay = (t: string | Date) => (typeof t === "string" ? iso(t) : t.toISOString()).slice(0, 10);

function spanRow(projectId: string, traceId: string, span: TStoredSpan, prices: Map<string, TokenPrices>): { row: SpanRow; topText: string | null } {
  const a = span.attributes ?? {};
  const attributes: Record<string, unknown> = { ...a };
  if (span.scrub) attributes["flightdeck.scrub"] = span.scrub;
  const { topText, ...screening } = screenSpan(span);
  const row: SpanRow = {
    projectId, traceId, spanId: span.spanId, parentSpanId: span.parentSpanId ?? null, kind: span.kind, name: span.name,
    startTime: iso(span.startTime), endTime: iso(span.endTime), durationMs: Date.parse(span.endTime) - Date.parse(span.startTime),
    status: span.status, error: span.error ?? null,
    model: a.model ?? null, inputTokens: a.inputTokens ?? null, outputTokens: a.outputTokens ?? null,
    ...spanCost(span, prices),
    input: span.input ?? null, output: span.output ?? null, retrievedDocs: span.retrievedDocuments ?? null,
    piiTypes: span.piiTypes, ...screening, attributes,
  };
  return { row, topText };
}

/** The trace row after this batch: the stored one (if any) merged with what the batch says. */
function mergeTrace(projectId: string, t: TStoredTrace, prev: TraceRow | undefined): TraceRow {
  const starts = t.spans.map((s) => Date.parse(s.startTime)).concat(prev ? [Date.parse(prev.startTime)] : []);
  const ends = t.spans.map((s) => Date.parse(s.endTime)).concat(prev ? [Date.parse(prev.endTime)] : []);
  const startTime = Math.min(...starts);
  const endTime = Math.max(...ends);
  return {
    projectId, traceId: t.traceId, name: t.name ?? prev?.name ?? null,
    startTime: new Date(startTime).toISOString(), endTime: new Date(endTime).toISOString(), durationMs: endTime - startTime,
    status: t.spans.some((s) => s.status === "error") || prev?.status === "error" ? "error" : "ok",
    environment: t.environment ?? prev?.environment ?? null, releaseId: t.release?.id ?? prev?.releaseId ?? null,
    variant: t.release?.variant ?? prev?.variant ?? null, promptName: t.prompt?.name ?? prev?.promptName ?? null,
    promptVersion: t.prompt?.version ?? prev?.promptVersion ?? null, endUserHash: t.endUserHash ?? prev?.endUserHash ?? null,
    team: t.team ?? prev?.team ?? null,
    piiTypes: [...new Set([...(prev?.piiTypes ?? []), ...t.spans.flatMap((s) => s.piiTypes)])].sort(),
  };
}

/** Rollup deltas: one request per new trace (failed when it is in error), spans/tokens/cost per new span. */
export function usageDeltas(
  traces: TraceRow[],
  prev: Map<string, TraceRow>,
  newSpans: Pick<SpanRow, "traceId" | "startTime" | "model" | "status" | "inputTokens" | "outputTokens" | "costUsd">[],
): UsageRow[] {
  const byKey = new Map<string, UsageRow>();
  const traceById = new Map(traces.map((t) => [t.traceId, t]));
  const row = (t: TraceRow, day: string, model: string) => {
    const r: UsageRow = {
      projectId: t.projectId, day, environment: t.environment ?? "", team: t.team ?? "", releaseId: t.releaseId ?? "",
      variant: t.variant ?? "", promptName: t.promptName ?? "", promptVersion: t.promptVersion ?? 0, model,
      requests: 0, failedRequests: 0, spans: 0, errorSpans: 0, inputTokens: 0, outputTokens: 0, costUsd: 0,
    };
    const key = [r.day, r.environment, r.team, r.releaseId, r.variant, r.promptName, r.promptVersion, r.model].join("\u0000");
    const found = byKey.get(key);
    if (found) return found;
    byKey.set(key, r);
    return r;
  };
  for (const t of traces) {
    const before = prev.get(t.traceId);
    const r = row(t, utcDay(t.startTime), "");
    if (!before) r.requests += 1;
    if (t.status === "error" && before?.status !== "error") r.failedRequests += 1;
  }
  for (const s of newSpans) {
    const t = traceById.get(s.traceId);
    if (!t) continue;
    const r = row(t, utcDay(s.startTime), s.model ?? "");
    r.spans += 1;
    if (s.status === "error") r.errorSpans += 1;
    r.inputTokens += s.inputTokens ?? 0;
    r.outputTokens += s.outputTokens ?? 0;
    r.costUsd += s.costUsd ?? 0;
  }
  return [...byKey.values()].filter((r) => r.requests || r.failedRequests || r.spans);
}

const NOTHING_ADDED: TraceAddition = { spanCount: 0, errorSpans: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, models: [], injectionFlagged: false, maxToolCalls: 0 };

/** Per trace, what the spans this batch actually inserted add to its aggregates. */
export function traceAdditions(rows: SpanRow[], inserted: Pick<NewSpan, "traceId" | "spanId">[]): Map<string, TraceAddition> {
  const byKey = new Map(rows.map((r) => [`${r.traceId}\u0000${r.spanId}`, r]));
  const out = new Map<string, TraceAddition & { tools: Map<string, number> }>();
  for (const n of inserted) {
    const r = byKey.get(`${n.traceId}\u0000${n.spanId}`);
    if (!r) continue;
    let a = out.get(r.traceId);
    if (!a) out.set(r.traceId, (a = { ...NOTHING_ADDED, models: [], tools: new Map() }));
    a.spanCount += 1;
    if (r.status === "error") a.errorSpans += 1;
    a.inputTokens += r.inputTokens ?? 0;
    a.outputTokens += r.outputTokens ?? 0;
    a.costUsd += r.costUsd ?? 0;
    if (r.model && !a.models.includes(r.model)) a.models.push(r.model);
    a.injectionFlagged ||= r.injectionFlagged;
    if (r.kind === "tool") {
      const calls = (a.tools.get(r.name) ?? 0) + 1;
      a.tools.set(r.name, calls);
      a.maxToolCalls = Math.max(a.maxToolCalls, calls);
    }
  }
  return new Map([...out].map(([id, { tools: _tools, ...a }]) => [id, { ...a, models: a.models.sort() }]));
}

// budgets are checked at the end of each window in which spend arrived (one job per project per window)
const BUDGET_WINDOW_MS = 10_000;

async function scheduleBudgetCheck(projectId: string, now = Date.now()) {
  const window = Math.floor(now / BUDGET_WINDOW_MS);
  await enqueue("budget.check", { projectId }, { jobId: `budget-check-${projectId}-${window}`, delay: (window + 1) * BUDGET_WINDOW_MS - now });
}

// one transaction stores at most this much of a project's backlog
const MAX_BATCHES_PER_TRANSACTION = 20;
const MAX_STORED_BYTES_PER_TRANSACTION = 2 * 1024 * 1024;

/**
 * Stores batch `batchId` — and, when the project has a backlog, its oldest other queued batches with
 * it, in the same transaction (their own jobs then find them processed). Returns the spans inserted.
 */
export async function processTraceBatch(projectId: string, batchId: string) {
  if ((await findBatchStatus(projectId, batchId)) !== "queued") return { skipped: true, spans: 0 };
  const inserted = await inStorageTransaction(async (tx) => {
    const claimed = await claimQueuedBatches(tx, projectId, batchId, MAX_BATCHES_PER_TRANSACTION, MAX_STORED_BYTES_PER_TRANSACTION);
    if (claimed.length === 0) return null;
    const good: { id: string; batch: TStoredBatch }[] = [];
    for (const c of claimed) {
      const parsed = ZStoredBatch.safeParse(c.payload);
      // a stored batch that no longer parses will not parse on a retry either
      if (parsed.success) good.push({ id: c.id, batch: parsed.data });
      else await markBatchFailed(tx, projectId, c.id, `Stored batch does not match the current schema: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    }
    const all = good.flatMap((g) => g.batch.traces);
    if (all.length === 0) return null;

    const models = new Set(all.flatMap((t) => t.spans.map((s) => s.attributes?.model).filter((m): m is string => !!m)));
    // ordered oldest first, so the newest version of a model id wins
    const prices = new Map((await findModelPrices(projectId, [...models])).map((m) => [m.providerModelId, m] as const));
    const spanRows = await withSecondOpinions(projectId, all.flatMap((t) => t.spans.map((s) => spanRow(projectId, t.traceId, s, prices))));

    const traceIds = [...new Set(all.map((t) => t.traceId))];
    await lockTraces(tx, projectId, traceIds);
    const prev = new Map((await selectTraces(tx, projectId, traceIds)).map((t) => [t.traceId, t]));
    // one trace may appear more than once (in a batch, or across the claimed batches): merge in order
    const merged = new Map<string, TraceRow>();
    for (const t of all) merged.set(t.traceId, mergeTrace(projectId, t, merged.get(t.traceId) ?? prev.get(t.traceId)));
    const traces = [...merged.values()];
    const newSpans = await insertSpans(tx, spanRows);
    const additions = traceAdditions(spanRows, newSpans);
    await upsertTraces(tx, traces.map((t) => ({ ...t, ...(additions.get(t.traceId) ?? NOTHING_ADDED) })));
    // a known trace that gained tool calls: the count per tool spans batches
    await recomputeToolCalls(tx, projectId, traces.filter((t) => prev.has(t.traceId) && (additions.get(t.traceId)?.maxToolCalls ?? 0) > 0).map((t) => t.traceId));
    await addUsage(tx, usageDeltas(traces, prev, newSpans));
    await markBatchesProcessed(tx, projectId, good.map((g) => g.id));
    return newSpans.length;
  });
  if (inserted === null) return { skipped: true, spans: 0 };
  await scheduleBudgetCheck(projectId).catch((err) => logger.warn({ projectId, err: loggableError(err) }, "budget check not scheduled"));
  return { skipped: false, spans: inserted };
}
