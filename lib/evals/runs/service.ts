import { db } from "../../db";
import { AppError } from "../../errors";
import { appendAuditEvent } from "../../audit/repo";
import { assertCan, auditActor, can, type Principal } from "../../authz/principal";
import { findDatasetByName } from "../../datasets/repo";
import { compareRuns } from "./compare";
import { computeSummary } from "./finish";
import { presentRunDetail, presentRunRow } from "./present";
import {
  cancelUnclaimed, findItem, findResult, findResultsForSummary, findResultsPage, findRun, findRuns, progressCounts, requestCancel, type RunRow,
} from "./repo";
import { scoreKeysOf } from "./score-keys";
import type { StoredRunConfig, TEvalResult, TEvalResultDetail, TEvalRunDetail, TEvalRunSummaryRow } from "./schemas";
import type { ResultForSummary, RunComparison, ScoreKeyInfo } from "./types";

// Reading, cancelling and comparing eval runs. Creating is create-run.ts; running is execute.ts.

// A running run's summary is computed on read (pages poll every second) up to this many results,
// with fewer resamples than the final one; bigger runs show theirs when they end.
const LIVE_SUMMARY_LIMIT = 5_000;
const LIVE_RESAMPLES = 200;

/** Runs are read by anyone who may read the registry, and by keys scoped to write evals (CI reads its own runs). */
function assertCanRead(principal: Principal) {
  if (!can(principal, "evals:write")) assertCan(principal, "registry:read");
}

async function runOrThrow(projectId: string, id: string): Promise<RunRow> {
  const run = await findRun(projectId, id);
  if (!run) throw new AppError("NOT_FOUND", "No eval run with this id in this project.");
  return run;
}

export async function listEvalRuns(principal: Principal, filter: { dataset?: string; limit: number }): Promise<TEvalRunSummaryRow[]> {
  assertCanRead(principal);
  let datasetId: string | undefined;
  if (filter.dataset) {
    const dataset = await findDatasetByName(db(), principal.projectId, filter.dataset);
    if (!dataset) return [];
    datasetId = dataset.id;
  }
  const runs = await findRuns(principal.projectId, { datasetId, take: filter.limit });
  const counts = await progressCounts(runs.map((r) => r.id));
  return runs.map((r) => presentRunRow(r, counts.get(r.id) ?? { done: 0, failed: 0, costUsd: 0 }));
}

export async function getEvalRun(principal: Principal, id: string): Promise<TEvalRunDetail> {
  assertCanRead(principal);
  const run = await runOrThrow(principal.projectId, id);
  const counts = (await progressCounts([run.id])).get(run.id) ?? { done: 0, failed: 0, costUsd: 0 };
  let summary: unknown = run.summary;
  if (!summary && counts.done > 0 && counts.done <= LIVE_SUMMARY_LIMIT) {
    summary = await computeSummary(run.id, run.config as unknown as StoredRunConfig, undefined, LIVE_RESAMPLES);
  }
  return presentRunDetail(run, counts, summary);
}

export async function cancelEvalRun(principal: Principal, id: string): Promise<TEvalRunDetail> {
  assertCan(principal, "evals:write");
  const run = await runOrThrow(principal.projectId, id);
  if (run.status !== "queued" && run.status !== "running") {
    throw new AppError("CONFLICT", `This run is ${run.status}; only a queued or running run can be cancelled.`);
  }
  await db().$transaction(async (tx) => {
    await appendAuditEvent(tx, { ...auditActor(principal), action: "eval_run.cancel", resourceType: "eval_run", resourceId: id, before: { status: run.status } });
  });
  await requestCancel(principal.projectId, id);
  // nobody is working on it yet: cancel it here; otherwise its worker sees the request within seconds
  if ((await cancelUnclaimed(principal.projectId, id)).count === 1) {
    const summary = await computeSummary(id, run.config as unknown as StoredRunConfig);
    await db().evalRun.update({ where: { id }, data: { summary: summary as object } });
  }
  return getEvalRun(principal, id);
}

export async function listEvalResults(principal: Principal, id: string, query: { status?: "ok" | "failed"; language?: string; cursor?: number; limit: number }) {
  assertCanRead(principal);
  const run = await runOrThrow(principal.projectId, id);
  const rows = await findResultsPage(run.id, { status: query.status, language: query.language, after: query.cursor, take: query.limit + 1 });
  const more = rows.length > query.limit;
  const shown = rows.slice(0, query.limit);
  const last = shown[shown.length - 1];
  return {
    results: shown.map((r) => ({ ...r, scores: r.scores as TEvalResult["scores"] })),
    nextCursor: more && last ? last.itemPosition * 1000 + last.repeat : null,
  };
}

export async function getEvalResult(principal: Principal, id: string, resultId: string): Promise<TEvalResultDetail> {
  assertCanRead(principal);
  const run = await runOrThrow(principal.projectId, id);
  const r = await findResult(run.id, resultId);
  if (!r) throw new AppError("NOT_FOUND", "No result with this id in this run.");
  const item = await findItem(run.datasetVersionId, r.itemId);
  return {
    id: r.id, itemKey: r.itemKey, itemPosition: r.itemPosition, language: r.language, repeat: r.repeat, status: r.status,
    errorStage: r.errorStage, error: r.error, output: r.output, latencyMs: r.latencyMs, inputTokens: r.inputTokens, outputTokens: r.outputTokens,
    costUsd: r.costUsd, judgeInputTokens: r.judgeInputTokens, judgeOutputTokens: r.judgeOutputTokens, judgeCostUsd: r.judgeCostUsd,
    scores: r.scores as TEvalResultDetail["scores"],
    inputs: (item?.inputs ?? {}) as Record<string, unknown>,
    reference: item?.reference ?? null,
    messages: (r.messages as TEvalResultDetail["messages"]) ?? null,
    context: (r.context as TEvalResultDetail["context"]) ?? null,
    retrievedDocIds: r.retrievedDocIds,
    relevantDocIds: item?.relevantDocIds ?? [],
    judgeLatencyMs: r.judgeLatencyMs,
    judgeRaw: r.judgeRaw,
  };
}

/** Keys both runs scored, in the candidate's order. */
function sharedKeys(a: ScoreKeyInfo[], b: ScoreKeyInfo[]): ScoreKeyInfo[] {
  const inBaseline = new Set(a.map((k) => k.key));
  return b.filter((k) => inBaseline.has(k.key));
}

export async function compareEvalRuns(principal: Principal, candidateId: string, baselineId: string): Promise<RunComparison & { baseline: TEvalRunSummaryRow; candidate: TEvalRunSummaryRow }> {
  assertCanRead(principal);
  const [candidate, baseline] = await Promise.all([runOrThrow(principal.projectId, candidateId), runOrThrow(principal.projectId, baselineId)]);
  if (candidate.datasetVersion.datasetId !== baseline.datasetVersion.datasetId) {
    throw new AppError("VALIDATION", "These runs used different datasets; runs are compared item by item on the same dataset.");
  }
  const keys = sharedKeys(scoreKeysOf(baseline.config as unknown as StoredRunConfig), scoreKeysOf(candidate.config as unknown as StoredRunConfig));
  const [b, c] = await Promise.all([findResultsForSummary(baseline.id), findResultsForSummary(candidate.id)]);
  const counts = await progressCounts([baseline.id, candidate.id]);
  const zero = { done: 0, failed: 0, costUsd: 0 };
  return {
    ...compareRuns(b as ResultForSummary[], c as ResultForSummary[], keys),
    baseline: presentRunRow(baseline, counts.get(baseline.id) ?? zero),
    candidate: presentRunRow(candidate, counts.get(candidate.id) ?? zero),
  };
}
