import { defineContract } from "../http/contract";
import { MAX_LIST_LIMIT, ZTraceDetail, ZTraceListPage, ZTraceListQuery, ZTraceParam, ZTracesParam } from "./list-schemas";

const tag = "Traces";
const base = "/api/v1/projects/{project}/traces";

export const listTracesRoute = defineContract({
  method: "GET", path: base, tag,
  summary:
    `Traces, newest first, filtered by time window, environment, release, prompt, model, team, status, PII, injection, loop, cost, user feedback and text; each with its feedback counts. ` +
    `At most ${MAX_LIST_LIMIT} per page; pass nextCursor as cursor for the next (older) page. Text is as stored: scrubbed.`,
  permission: "traces:read", params: ZTracesParam, query: ZTraceListQuery, response: ZTraceListPage,
});

export const getTraceRoute = defineContract({
  method: "GET", path: `${base}/{traceId}`, tag,
  summary: "One trace (by the traceId the application sent) with its spans in tree order: timing, tokens, cost and its source, scrubbed input/output, retrieved documents with their age, guard findings, and its users' feedback (feedbackItems)",
  permission: "traces:read", params: ZTraceParam, response: ZTraceDetail,
});

export const TRACE_READ_ROUTES = [listTracesRoute, getTraceRoute];
