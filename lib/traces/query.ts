import { db } from "../db";
import { AppError } from "../errors";
import { assertCan, type Principal } from "../authz/principal";
import { Prisma, type Span, type Trace } from "../generated/prisma/client";
import { feedbackCounts } from "../feedback/repo";
import { traceFeedback } from "../feedback/service";
import {
  STALE_DOC_DAYS, TIME_PRESETS, type TRetrievedDoc, type TSpanDetail, type TTraceDetail, type TTraceListPage, type TTraceListQuery, type TTraceRow,
} from "./list-schemas";

// Reading traces: the console's list and detail pages and GET /api/v1/projects/{project}/traces[/{traceId}].
// The list filters on the trace's own columns (the worker keeps aggregates over its spans there) and
// pages by keyset on (startTime desc, id desc), so page 500 costs what page 1 costs: no OFFSET, no COUNT.

const DAY_MS = 86_400_000;
// a trace may gather spans over many batches; the detail page draws at most this many
const MAX_DETAIL_SPANS = 5_000;

interface Cursor { startTime: Date; id: string }

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.startTime.toISOString(), c.id])).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    const [iso, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    const startTime = new Date(String(iso));
    if (typeof iso === "string" && typeof id === "string" && id && !Number.isNaN(startTime.getTime())) return { startTime, id };
  } catch {
    // fall through to the one message below
  }
  throw new AppError("BAD_REQUEST", "cursor is not one this API issued; pass nextCursor from the previous page unchanged.", [
    { field: "cursor", message: "not a cursor from a previous page" },
  ]);
}

/** The time window a query asks for: a preset ending now, or from/to. */
export function windowOf(q: Pick<TTraceListQuery, "range" | "from" | "to">, now: Date): { from: Date | null; to: Date | null } {
  if (q.range && q.range !== "custom") return { from: new Date(now.getTime() - TIME_PRESETS[q.range]), to: null };
  return { from: q.from ?? null, to: q.to ?? null };
}

// Timestamps are bound as text and read as UTC, so the session's time zone never shifts a window.
const ts = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** Escapes LIKE's wildcards so a search for "50%" finds "50%". */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE clause of the list query (exported for the EXPLAIN in the integration test). */
export function listConditions(projectId: string, q: TTraceListQuery, loopLimit: number, now: Date): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`t."projectId" = ${projectId}`];
  const w = windowOf(q, now);
  if (w.from) where.push(Prisma.sql`t."startTime" >= ${ts(w.from)}`);
  if (w.to) where.push(Prisma.sql`t."startTime" < ${ts(w.to)}`);
  if (q.environment) where.push(Prisma.sql`t.environment = ${q.environment}`);
  if (q.release) where.push(Prisma.sql`t."releaseId" = ${q.release}`);
  if (q.variant) where.push(Prisma.sql`t.variant = ${q.variant}`);
  if (q.prompt) where.push(Prisma.sql`t."promptName" = ${q.prompt}`);
  if (q.promptVersion !== undefined) where.push(Prisma.sql`t."promptVersion" = ${q.promptVersion}`);
  if (q.model) where.push(Prisma.sql`${q.model} = ANY(t.models)`);
  if (q.team) where.push(Prisma.sql`t.team = ${q.team}`);
  if (q.status) where.push(Prisma.sql`t.status = ${q.status}::"SpanStatus"`);
  if (q.pii === "any") where.push(Prisma.sql`cardinality(t."piiTypes") > 0`);
  else if (q.pii) where.push(Prisma.sql`${q.pii} = ANY(t."piiTypes")`);
  if (q.injection !== undefined) where.push(Prisma.sql`t."injectionFlagged" = ${q.injection}`);
  if (q.loop === true) where.push(Prisma.sql`t."maxToolCalls" > ${loopLimit}`);
  if (q.loop === false) where.push(Prisma.sql`t."maxToolCalls" <= ${loopLimit}`);
  if (q.minCost !== undefined) where.push(Prisma.sql`t."costUsd" >= ${q.minCost}`);
  if (q.maxCost !== undefined) where.push(Prisma.sql`t."costUsd" <= ${q.maxCost}`);
  if (q.feedback) {
    // probes the (projectId, traceId, sourceId) unique index per candidate trace; the page's LIMIT stops the scan early
    const negative = q.feedback === "negative" ? Prisma.sql` AND f.negative` : Prisma.empty;
    const exists = Prisma.sql`EXISTS (SELECT 1 FROM "Feedback" f WHERE f."projectId" = t."projectId" AND f."traceId" = t."traceId"${negative})`;
    where.push(q.feedback === "none" ? Prisma.sql`NOT ${exists}` : exists);
  }
  if (q.q) {
    const p = likePattern(q.q);
    // the trigram GIN indexes on Span.input / Span.output answer the ILIKEs
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Span" s WHERE s."projectId" = t."projectId" AND s."traceId" = t."traceId" AND (s.input ILIKE ${p} OR s.output ILIKE ${p}))`);
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    // spelled out rather than a row comparison so "startTime <= x" is an index condition
    where.push(Prisma.sql`t."startTime" <= ${ts(c.startTime)} AND (t."startTime" < ${ts(c.startTime)} OR t.id < ${c.id})`);
  }
  return Prisma.join(where, " AND ");
}

export function listSql(projectId: string, q: TTraceListQuery, loopLimit: number, now: Date): Prisma.Sql {
  return Prisma.sql`SELECT t.id FROM "Trace" t WHERE ${listConditions(projectId, q, loopLimit, now)} ORDER BY t."startTime" DESC, t.id DESC LIMIT ${q.limit + 1}`;
}

async function loopLimitOf(projectId: string): Promise<number> {
  const p = await db().project.findUnique({ where: { id: projectId }, select: { loopToolCallLimit: true } });
  return p?.loopToolCallLimit ?? 5;
}

const NO_FEEDBACK = { count: 0, negative: 0 };

function presentRow(t: Trace, loopLimit: number, feedback = NO_FEEDBACK): TTraceRow {
  return {
    traceId: t.traceId, name: t.name, startTime: t.startTime.toISOString(), endTime: t.endTime.toISOString(),
    durationMs: t.durationMs || t.endTime.getTime() - t.startTime.getTime(), status: t.status, environment: t.environment,
    release: t.releaseId ? { id: t.releaseId, variant: t.variant } : null,
    prompt: t.promptName ? { name: t.promptName, version: t.promptVersion } : null,
    team: t.team, models: t.models, spanCount: t.spanCount, errorSpans: t.errorSpans, inputTokens: t.inputTokens, outputTokens: t.outputTokens,
    costUsd: t.costUsd, piiTypes: t.piiTypes, injectionFlagged: t.injectionFlagged, maxToolCalls: t.maxToolCalls, loop: t.maxToolCalls > loopLimit,
    feedback,
  };
}

export async function listTraces(principal: Principal, q: TTraceListQuery, now = new Date()): Promise<TTraceListPage> {
  assertCan(principal, "traces:read");
  const loopLimit = await loopLimitOf(principal.projectId);
  const ids = await db().$queryRaw<{ id: string }[]>(listSql(principal.projectId, q, loopLimit, now));
  const page = ids.slice(0, q.limit).map((r) => r.id);
  const rows = page.length ? await db().trace.findMany({ where: { projectId: principal.projectId, id: { in: page } } }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const traces = page.map((id) => byId.get(id)).filter((t): t is Trace => !!t);
  const feedback = await feedbackCounts(principal.projectId, traces.map((t) => t.traceId));
  const last = traces.at(-1);
  const w = windowOf(q, now);
  return {
    traces: traces.map((t) => presentRow(t, loopLimit, feedback.get(t.traceId))),
    nextCursor: ids.length > q.limit && last ? encodeCursor({ startTime: last.startTime, id: last.id }) : null,
    window: { from: w.from?.toISOString() ?? null, to: w.to?.toISOString() ?? null },
  };
}

function retrievedDocs(raw: unknown, now: Date): TRetrievedDoc[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((d): d is Record<string, unknown> => !!d && typeof d === "object").map((d) => {
    const updated = typeof d.lastUpdated === "string" ? new Date(d.lastUpdated) : null;
    const valid = updated && !Number.isNaN(updated.getTime()) ? updated : null;
    const ageDays = valid ? Math.max(0, Math.floor((now.getTime() - valid.getTime()) / DAY_MS)) : null;
    return { id: String(d.id ?? ""), lastUpdated: valid?.toISOString() ?? null, text: typeof d.text === "string" ? d.text : null, ageDays, stale: ageDays !== null && ageDays > STALE_DOC_DAYS };
  });
}

/** Depth-first by parent, siblings by start time; a span whose parent never arrived starts a root of its own, marked. */
export function orderSpans<S extends Pick<Span, "spanId" | "parentSpanId" | "startTime">>(spans: S[]): { span: S; depth: number; orphan: boolean }[] {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string | null, S[]>();
  for (const s of [...spans].sort((a, b) => a.startTime.getTime() - b.startTime.getTime())) {
    const parent = s.parentSpanId && ids.has(s.parentSpanId) && s.parentSpanId !== s.spanId ? s.parentSpanId : null;
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  const out: { span: S; depth: number; orphan: boolean }[] = [];
  const seen = new Set<string>();
  const visit = (s: S, depth: number) => {
    if (seen.has(s.spanId)) return;
    seen.add(s.spanId);
    out.push({ span: s, depth, orphan: depth === 0 && !!s.parentSpanId });
    for (const c of children.get(s.spanId) ?? []) visit(c, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // spans only reachable through a cycle (a → b → a) are drawn at the root rather than dropped
  for (const s of spans) if (!seen.has(s.spanId)) visit(s, 0);
  return out;
}

function presentSpan(s: Span, depth: number, orphan: boolean, traceStart: Date, now: Date): TSpanDetail {
  return {
    spanId: s.spanId, parentSpanId: s.parentSpanId, orphan, depth, kind: s.kind, name: s.name,
    startTime: s.startTime.toISOString(), endTime: s.endTime.toISOString(), offsetMs: s.startTime.getTime() - traceStart.getTime(), durationMs: s.durationMs,
    status: s.status, error: s.error, model: s.model, inputTokens: s.inputTokens, outputTokens: s.outputTokens, costUsd: s.costUsd, costSource: s.costSource,
    input: s.input, output: s.output, retrievedDocs: retrievedDocs(s.retrievedDocs, now), piiTypes: s.piiTypes,
    injectionScore: s.injectionScore, injectionFlagged: s.injectionFlagged, injectionReasons: s.injectionReasons,
    attributes: s.attributes && typeof s.attributes === "object" && !Array.isArray(s.attributes) ? (s.attributes as Record<string, unknown>) : {},
  };
}

export async function getTrace(principal: Principal, traceId: string, now = new Date()): Promise<TTraceDetail> {
  assertCan(principal, "traces:read");
  const projectId = principal.projectId;
  const trace = await db().trace.findUnique({ where: { projectId_traceId: { projectId, traceId } } });
  if (!trace) throw new AppError("NOT_FOUND", "No trace with this id in this project (it may still be processing, or past the retention period).");
  const [loopLimit, spans, counts, feedbackItems] = await Promise.all([
    loopLimitOf(projectId),
    db().span.findMany({ where: { projectId, traceId }, orderBy: [{ startTime: "asc" }, { spanId: "asc" }], take: MAX_DETAIL_SPANS }),
    feedbackCounts(projectId, [traceId]),
    traceFeedback(projectId, traceId),
  ]);
  const tools = new Map<string, number>();
  for (const s of spans) if (s.kind === "tool") tools.set(s.name, (tools.get(s.name) ?? 0) + 1);
  const toolCalls = [...tools].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const row = presentRow(trace, loopLimit, counts.get(traceId));
  return {
    ...row,
    loopToolCallLimit: loopLimit, toolCalls,
    spans: orderSpans(spans).map(({ span, depth, orphan }) => presentSpan(span, depth, orphan, trace.startTime, now)),
    feedbackItems,
  };
}
