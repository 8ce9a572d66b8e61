import type { Db, Prisma, Tx } from "../db";
import { findResultsForSummary } from "../evals/runs/repo";
import { compareRuns } from "../evals/runs/compare";
import { computeSummary } from "../evals/runs/finish";
import { scoreKeysOf } from "../evals/runs/score-keys";
import type { StoredRunConfig } from "../evals/runs/schemas";
import type { ResultForSummary, RunSummary, ScoreKeyInfo } from "../evals/runs/types";
import { judgeCalibrationMarks, type CalibrationMarks } from "../calibration/service";
import { humanReviewOfRuns } from "../labelling/run-labels";
import { primaryRole } from "./bundle";
import { MODEL_SELECT, findReleasesInState, type PinnedModelRow, type ReleaseDetailRow } from "./repo";
import type { ApprovalEvidence, EvalEvidence, GateInput, ModelEvidence } from "./types";

// What the gate reads about a release (issue 6): its models, the completed eval runs of its candidate
// (the primary prompt version + the pinned model + the retrieval config version) with the figures
// lib/evals summaries already compute, the comparison with production, and its approvals.

// Regression intervals are taken once per gate evaluation; fewer resamples than a run summary keeps a
// transition quick, and ±0.02 on an interval's end does not change a verdict a person would argue with.
const REGRESSION_RESAMPLES = 500;

const RUN_SELECT = {
  id: true, status: true, config: true, summary: true, createdAt: true, judgeModelVersionId: true, judgePromptVersionId: true,
  datasetVersion: { select: { itemCount: true, datasetId: true, dataset: { select: { name: true } } } },
} satisfies Prisma.EvalRunSelect;
type EvidenceRun = Prisma.EvalRunGetPayload<{ select: typeof RUN_SELECT }>;

export interface Candidate {
  promptVersionId: string;
  modelVersionId: string;
  retrievalConfigVersionId: string | null;
}

/** The release's candidate as eval runs name it; null when it pins no prompt (cannot happen for a valid bundle). */
export function candidateOf(release: {
  prompts: { role: string; promptVersionId: string }[];
  modelVersionId: string;
  retrievalConfigVersionId: string | null;
}): Candidate | null {
  const role = primaryRole(release.prompts.map((p) => p.role));
  const prompt = release.prompts.find((p) => p.role === role);
  return prompt ? { promptVersionId: prompt.promptVersionId, modelVersionId: release.modelVersionId, retrievalConfigVersionId: release.retrievalConfigVersionId } : null;
}

/** The newest completed run of the candidate on each dataset, newest dataset first. */
export async function latestRunsPerDataset(client: Tx | Db, projectId: string, c: Candidate): Promise<EvidenceRun[]> {
  const runs = await client.evalRun.findMany({
    where: { projectId, status: "completed", promptVersionId: c.promptVersionId, modelVersionId: c.modelVersionId, retrievalConfigVersionId: c.retrievalConfigVersionId },
    select: RUN_SELECT,
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const seen = new Set<string>();
  return runs.filter((r) => (seen.has(r.datasetVersion.datasetId) ? false : (seen.add(r.datasetVersion.datasetId), true)));
}

async function summaryOf(run: EvidenceRun): Promise<RunSummary> {
  return (run.summary as RunSummary | null) ?? computeSummary(run.id, run.config as unknown as StoredRunConfig);
}

/** The largest |en − ar| over the judge's dimensions (over scorers when there is no judge): the one number the policy limits. */
function languageGap(summary: RunSummary): number | null {
  const metrics = summary.overall.metrics;
  const judged = metrics.filter((m) => m.kind === "judge");
  const keys = (judged.length > 0 ? judged : metrics).map((m) => m.key);
  const gaps = keys.map((k) => summary.parity[k]).filter((p) => p != null).map((p) => Math.abs(p!.estimate));
  return gaps.length === 0 ? null : Math.max(...gaps);
}

function figuresOf(run: EvidenceRun, summary: RunSummary, calibrated: CalibrationMarks): EvalEvidence {
  const judge: Record<string, number> = {};
  const passRates: Record<string, number> = {};
  for (const m of summary.overall.metrics) {
    if (m.kind === "judge" && m.mean) judge[m.key.replace(/^judge\./, "")] = m.mean.estimate;
    if (m.kind === "scorer" && m.passRate) passRates[m.key] = m.passRate.rate;
  }
  return {
    runId: run.id,
    datasetName: run.datasetVersion.dataset.name,
    status: run.status,
    items: run.datasetVersion.itemCount,
    judge,
    passRates,
    costPerRequestUsd: summary.overall.cost.perItem,
    p95LatencyMs: summary.overall.latencyMs.p95,
    languageGap: languageGap(summary),
    // calibrated against gold human labels on every dimension this run's judge scored (lib/calibration)
    judgeCalibrated: calibrated(run, Object.keys(judge)),
  };
}

/** Per shared score key, the paired interval of (candidate − production) on one dataset. */
async function regressionOf(candidate: EvidenceRun, production: EvidenceRun): Promise<NonNullable<EvalEvidence["regression"]>> {
  const keysOf = (r: EvidenceRun) => scoreKeysOf(r.config as unknown as StoredRunConfig);
  const baseKeys = new Set(keysOf(production).map((k) => k.key));
  const keys: ScoreKeyInfo[] = keysOf(candidate).filter((k) => baseKeys.has(k.key));
  if (keys.length === 0) return {};
  const [b, c] = await Promise.all([findResultsForSummary(production.id), findResultsForSummary(candidate.id)]);
  const comparison = compareRuns(b as ResultForSummary[], c as ResultForSummary[], keys, { resamples: REGRESSION_RESAMPLES });
  const out: NonNullable<EvalEvidence["regression"]> = {};
  for (const m of comparison.metrics) {
    if (m.difference) out[m.key] = { mean: m.difference.estimate, low: m.difference.low, high: m.difference.high, n: m.difference.n };
  }
  return out;
}

/** The production release's candidate, if one is in production (other than this release). */
async function productionCandidate(client: Tx | Db, projectId: string, exceptId: string): Promise<Candidate | null> {
  const prod = (await findReleasesInState(client, projectId, "production")).find((r) => r.id !== exceptId);
  if (!prod) return null;
  const row = await client.release.findFirst({ where: { id: prod.id }, select: { modelVersionId: true, retrievalConfigVersionId: true, prompts: true } });
  return row ? candidateOf(row) : null;
}

export async function gatherEvalEvidence(client: Tx | Db, release: ReleaseDetailRow): Promise<EvalEvidence[]> {
  const candidate = candidateOf(release);
  if (!candidate) return [];
  const runs = await latestRunsPerDataset(client, release.projectId, candidate);
  const prodCandidate = await productionCandidate(client, release.projectId, release.id);
  const prodRuns = prodCandidate ? await latestRunsPerDataset(client, release.projectId, prodCandidate) : [];
  const calibrated = await judgeCalibrationMarks(client, release.projectId);
  // one after another: the client may be a transaction, which runs one query at a time
  const out: EvalEvidence[] = [];
  for (const run of runs) {
    const evidence = figuresOf(run, await summaryOf(run), calibrated);
    if (!prodCandidate) {
      out.push(evidence);
      continue;
    }
    // production exists: an empty record says "nothing comparable on this dataset"
    const prodRun = prodRuns.find((p) => p.datasetVersion.datasetId === run.datasetVersion.datasetId);
    out.push({ ...evidence, regression: prodRun ? await regressionOf(run, prodRun) : {} });
  }
  return out;
}

function modelEvidence(m: PinnedModelRow): ModelEvidence {
  return { id: m.id, displayName: m.displayName, region: m.region, floating: m.floating, deprecatesAt: m.deprecatesAt?.toISOString() ?? null };
}

/** The pinned model, its fallbacks and the retrieval config's embedding model: every model the release sends data to. */
export async function gatherModels(client: Tx | Db, release: ReleaseDetailRow): Promise<ModelEvidence[]> {
  const ids = [release.modelVersionId, ...release.fallbackModelVersionIds];
  if (release.retrievalConfigVersionId) {
    const rcv = await client.retrievalConfigVersion.findFirst({ where: { id: release.retrievalConfigVersionId }, select: { embeddingModelVersionId: true } });
    if (rcv) ids.push(rcv.embeddingModelVersionId);
  }
  const rows = await client.modelVersion.findMany({ where: { projectId: release.projectId, id: { in: [...new Set(ids)] } }, select: MODEL_SELECT });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return [...new Set(ids)].flatMap((id) => (byId.has(id) ? [modelEvidence(byId.get(id)!)] : []));
}

/** Approvals bound to the release's current content (older ones are shown, never counted). */
export function approvalEvidence(release: ReleaseDetailRow): ApprovalEvidence[] {
  return release.approvals
    .filter((a) => a.contentHash === release.contentHash)
    .map((a) => ({ kind: a.kind, decision: a.decision, userId: a.userId, userLabel: a.userLabel, contentHash: a.contentHash }));
}

export async function gatherEvidence(client: Tx | Db, release: ReleaseDetailRow, at = new Date()): Promise<GateInput> {
  const models = await gatherModels(client, release);
  const evals = await gatherEvalEvidence(client, release);
  const humanReview = await humanReviewOfRuns(client, release.projectId, evals.filter((e) => e.status === "completed").map((e) => e.runId));
  return {
    release: { id: release.id, version: release.version, contentHash: release.contentHash, authorId: release.authorId, state: release.state },
    models,
    evals,
    approvals: approvalEvidence(release),
    humanReview,
    at: at.toISOString(),
  };
}
