import { z } from "zod";
import { defineContract } from "../../http/contract";
import {
  ZCompareQuery, ZCreateEvalRun, ZEvalResultDetail, ZEvalResultsPage, ZEvalRunDetail, ZEvalRunSummaryRow, ZListRunsQuery, ZProjectParam, ZRunParam, ZRunResultsQuery,
} from "./schemas";

const tag = "Eval runs";
const base = "/api/v1/projects/{project}/eval-runs";

export const createEvalRunRoute = defineContract({
  method: "POST", path: base, tag, status: 202,
  summary:
    "Start an eval run of a candidate (prompt version + model version + optional retrieval config version) on a dataset version with scorers and/or an LLM judge. " +
    "Everything is checked first (422 naming the field: an unknown scorer or config, a dataset variable the prompt does not declare, a judge prompt without an answer variable); " +
    "then 202 with the queued run — a worker runs it. Poll GET …/eval-runs/{id} for progress and the summary.",
  permission: "evals:write", params: ZProjectParam, body: ZCreateEvalRun, response: ZEvalRunSummaryRow,
});

export const listEvalRunsRoute = defineContract({
  method: "GET", path: base, tag, summary: "Eval runs, newest first, with progress (optionally of one dataset)",
  permission: null, params: ZProjectParam, query: ZListRunsQuery, response: z.object({ runs: z.array(ZEvalRunSummaryRow) }),
});

export const getEvalRunRoute = defineContract({
  method: "GET", path: `${base}/{id}`, tag,
  summary: "One run: status, progress {done, total, failed, costUsd, elapsedMs, etaMs} and the summary (computed live while it runs). Readable with registry:read or evals:write.",
  permission: null, params: ZRunParam, response: ZEvalRunDetail,
});

export const cancelEvalRunRoute = defineContract({
  method: "POST", path: `${base}/{id}/cancel`, tag, summary: "Cancel a queued or running run (409 otherwise); results written so far are kept",
  permission: "evals:write", params: ZRunParam, response: ZEvalRunDetail,
});

export const listEvalResultsRoute = defineContract({
  method: "GET", path: `${base}/{id}/results`, tag, summary: "A page of a run's results in item order; pass nextCursor as cursor for the next page",
  permission: null, params: ZRunParam, query: ZRunResultsQuery, response: ZEvalResultsPage,
});

export const getEvalResultRoute = defineContract({
  method: "GET", path: `${base}/{id}/results/{resultId}`, tag, summary: "One result with the item's input and reference, the compiled prompt, context, and every score with the judge's reasoning",
  permission: null, params: ZRunParam.extend({ resultId: z.string().min(1).max(64) }), response: ZEvalResultDetail,
});

export const compareEvalRunsRoute = defineContract({
  method: "GET", path: `${base}/{id}/compare`, tag,
  summary: "Compare this run (the candidate) with a baseline run on the same dataset: per-dimension paired bootstrap interval of the difference and per-item changes",
  permission: null, params: ZRunParam, query: ZCompareQuery, response: z.object({}).passthrough(),
});

export const EVAL_RUN_ROUTES = [createEvalRunRoute, listEvalRunsRoute, getEvalRunRoute, cancelEvalRunRoute, listEvalResultsRoute, getEvalResultRoute, compareEvalRunsRoute];
