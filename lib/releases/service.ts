import { db, type Db, type Tx } from "../db";
import { AppError, isUniqueViolation, parseOrThrow, type FieldIssue } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import { assertCanReadReleases } from "./access";
import { bundleContentHash, type BundleForHash } from "./bundle";
import { candidateOf, gatherEvidence, latestRunsPerDataset } from "./evidence";
import { estimateCost } from "../costs/estimate";
import { candidateTokenStats } from "../costs/repo";
import { evaluateGate } from "./gate";
import { currentPolicy } from "./policy";
import { presentRelease, presentReleaseDetail } from "./present";
import {
  findModelVersions, findPromptVersions, findRelease, findReleases, findRetrievalConfigVersion, findVersionTaken, insertTransition,
  type PinnedModelRow, type ReleaseDetailRow,
} from "./repo";
import { ZCreateRelease, ZUpdateRelease, type TCreateReleaseInput, type TListReleasesQuery, type TReleaseDetail, type TReleaseRow, type TUpdateRelease } from "./schemas";
import type { GateInput, GateResult, ReleaseAction, ReleaseState } from "./types";

// Releases (issue 6): cutting and editing a bundle, reading releases and their gate. State changes
// are workflow.ts.

export { assertCanReadReleases };


export async function releaseOrThrow(client: Tx | Db, projectId: string, id: string): Promise<ReleaseDetailRow> {
  const release = await findRelease(client, projectId, id);
  if (!release) throw new AppError("NOT_FOUND", "No release with this id in this project.");
  return release;
}

async function fallbackModels(client: Tx | Db, projectId: string, releases: { fallbackModelVersionIds: string[] }[]) {
  const ids = [...new Set(releases.flatMap((r) => r.fallbackModelVersionIds))];
  const rows = ids.length ? await findModelVersions(client, projectId, ids) : [];
  return new Map<string, PinnedModelRow>(rows.map((m) => [m.id, m]));
}

export async function detailOf(client: Tx | Db, release: ReleaseDetailRow): Promise<TReleaseDetail> {
  return presentReleaseDetail(release, await fallbackModels(client, release.projectId, [release]));
}

interface BundleInput {
  version: string;
  prompts: Record<string, string>;
  modelVersionId: string;
  fallbackModelVersionIds: string[];
  retrievalConfigVersionId: string | null;
}

/**
 * Every pinned id must be a version of this project. Ids from another project are reported exactly
 * like ids that do not exist, so nothing about other projects leaks.
 */
async function resolveBundle(client: Tx | Db, projectId: string, b: BundleInput, exceptId?: string): Promise<BundleForHash> {
  const issues: FieldIssue[] = [];
  const promptIds = [...new Set(Object.values(b.prompts))];
  const prompts = new Map((await findPromptVersions(client, projectId, promptIds)).map((p) => [p.id, p]));
  for (const [role, id] of Object.entries(b.prompts)) {
    if (!prompts.has(id)) issues.push({ field: `prompts.${role}`, message: `no prompt version "${id}" in this project` });
  }
  const models = new Set((await findModelVersions(client, projectId, [b.modelVersionId, ...b.fallbackModelVersionIds])).map((m) => m.id));
  if (!models.has(b.modelVersionId)) issues.push({ field: "modelVersionId", message: `no model version "${b.modelVersionId}" in this project` });
  b.fallbackModelVersionIds.forEach((id, i) => {
    if (!models.has(id)) issues.push({ field: `fallbackModelVersionIds.${i}`, message: `no model version "${id}" in this project` });
  });
  if (b.retrievalConfigVersionId && !(await findRetrievalConfigVersion(client, projectId, b.retrievalConfigVersionId))) {
    issues.push({ field: "retrievalConfigVersionId", message: `no retrieval config version "${b.retrievalConfigVersionId}" in this project` });
  }
  if (issues.length > 0) {
    throw new AppError("VALIDATION", `The bundle names versions this project does not have — ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`, issues);
  }
  if (await findVersionTaken(client, projectId, b.version, exceptId)) {
    throw new AppError("CONFLICT", `Version ${b.version} is already a release of this project; versions are unique. Choose the next one.`, [{ field: "version", message: "already used" }]);
  }
  return {
    version: b.version,
    prompts: Object.fromEntries(Object.entries(b.prompts).map(([role, id]) => [role, { promptVersionId: id, name: prompts.get(id)!.prompt.name, version: prompts.get(id)!.version }])),
    modelVersionId: b.modelVersionId,
    fallbackModelVersionIds: b.fallbackModelVersionIds,
    retrievalConfigVersionId: b.retrievalConfigVersionId,
  };
}

const uniqueVersion = (version: string) => new AppError("CONFLICT", `Version ${version} is already a release of this project; versions are unique. Choose the next one.`);

export async function createRelease(principal: Principal, raw: TCreateReleaseInput): Promise<TReleaseDetail> {
  assertCan(principal, "releases:write");
  const input = parseOrThrow(ZCreateRelease, raw, "Release");
  try {
    const id = await db().$transaction(async (tx) => {
      const bundle = await resolveBundle(tx, principal.projectId, { ...input, retrievalConfigVersionId: input.retrievalConfigVersionId ?? null });
      const contentHash = bundleContentHash(bundle);
      const release = await tx.release.create({
        data: {
          projectId: principal.projectId, version: bundle.version, notes: input.notes, modelVersionId: bundle.modelVersionId,
          fallbackModelVersionIds: bundle.fallbackModelVersionIds, retrievalConfigVersionId: bundle.retrievalConfigVersionId, contentHash,
          authorId: principal.kind === "user" ? principal.userId : null, authorLabel: principal.label,
          prompts: { create: Object.entries(input.prompts).map(([role, promptVersionId]) => ({ role, promptVersionId })) },
        },
      });
      const actor = auditActor(principal);
      await insertTransition(tx, { releaseId: release.id, fromState: null, toState: "draft", actorType: actor.actorType, actorId: actor.actorId, actorLabel: actor.actorLabel });
      await appendAuditEvent(tx, { ...actor, action: "release.create", resourceType: "release", resourceId: release.id, after: { ...bundle, contentHash, state: "draft" } });
      return release.id;
    });
    return await getRelease(principal, id);
  } catch (err) {
    if (isUniqueViolation(err)) throw uniqueVersion(input.version);
    throw err;
  }
}

/** A draft can be edited (its content hash changes with it); from submit on a release is immutable. */
export async function updateRelease(principal: Principal, releaseId: string, raw: TUpdateRelease): Promise<TReleaseDetail> {
  assertCan(principal, "releases:write");
  const input = parseOrThrow(ZUpdateRelease, raw, "Release");
  try {
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`select id from "Release" where id = ${releaseId} and "projectId" = ${principal.projectId} for update`;
      const current = await releaseOrThrow(tx, principal.projectId, releaseId);
      if (current.state !== "draft") {
        throw new AppError("CONFLICT", `Release ${current.version} is ${current.state.replace("_", " ")}; a release is immutable once submitted. Cut a new version to change it.`);
      }
      const merged: BundleInput = {
        version: input.version ?? current.version,
        prompts: input.prompts ?? Object.fromEntries(current.prompts.map((p) => [p.role, p.promptVersionId])),
        modelVersionId: input.modelVersionId ?? current.modelVersionId,
        fallbackModelVersionIds: input.fallbackModelVersionIds ?? current.fallbackModelVersionIds,
        retrievalConfigVersionId: input.retrievalConfigVersionId === undefined ? current.retrievalConfigVersionId : input.retrievalConfigVersionId,
      };
      if (merged.fallbackModelVersionIds.includes(merged.modelVersionId)) {
        throw new AppError("VALIDATION", "The pinned model cannot also be its own fallback.", [{ field: "fallbackModelVersionIds", message: "contains the pinned model" }]);
      }
      const bundle = await resolveBundle(tx, principal.projectId, merged, releaseId);
      const contentHash = bundleContentHash(bundle);
      await tx.releasePrompt.deleteMany({ where: { releaseId } });
      await tx.release.update({
        where: { id: releaseId },
        data: {
          version: bundle.version, notes: input.notes ?? current.notes, modelVersionId: bundle.modelVersionId, fallbackModelVersionIds: bundle.fallbackModelVersionIds,
          retrievalConfigVersionId: bundle.retrievalConfigVersionId, contentHash,
          prompts: { create: Object.entries(merged.prompts).map(([role, promptVersionId]) => ({ role, promptVersionId })) },
        },
      });
      await appendAuditEvent(tx, {
        ...auditActor(principal), action: "release.update", resourceType: "release", resourceId: releaseId,
        before: { version: current.version, contentHash: current.contentHash, notes: current.notes }, after: { ...bundle, contentHash, notes: input.notes ?? current.notes },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw uniqueVersion(input.version ?? "");
    throw err;
  }
  return getRelease(principal, releaseId);
}

export async function getRelease(principal: Principal, releaseId: string): Promise<TReleaseDetail> {
  assertCanReadReleases(principal);
  return detailOf(db(), await releaseOrThrow(db(), principal.projectId, releaseId));
}

/** Newest first; `state` filters (e.g. ["awaiting_signoff"] is an approver's queue). */
export async function listReleases(principal: Principal, filter: { state?: ReleaseState[]; limit?: number } = {}): Promise<TReleaseRow[]> {
  assertCanReadReleases(principal);
  const rows = await findReleases(principal.projectId, { states: filter.state, take: filter.limit ?? 50 });
  const models = await fallbackModels(db(), principal.projectId, rows);
  return rows.map((r) => presentRelease(r, models));
}

/** The action the release page's checklist is about: what the release would do next. Final states show every check. */
const NEXT_ACTION: Record<ReleaseState, ReleaseAction> = {
  draft: "submit", evaluating: "request_review", in_review: "review_passed", awaiting_signoff: "approve",
  approved: "promote", canary: "promote", production: "promote", superseded: "promote", rejected: "promote", rolled_back: "promote",
};

export function defaultGateAction(state: ReleaseState): ReleaseAction {
  return NEXT_ACTION[state];
}

/** Everything the gate reads about the release now (models, eval runs, approvals). */
export async function getReleaseEvidence(principal: Principal, releaseId: string): Promise<GateInput> {
  assertCanReadReleases(principal);
  return gatherEvidence(db(), await releaseOrThrow(db(), principal.projectId, releaseId));
}

/** The gate evaluated now with the current policy, for `action` (default: the release's next step). Changes nothing. */
export async function releaseGate(principal: Principal, releaseId: string, action?: ReleaseAction): Promise<GateResult> {
  assertCanReadReleases(principal);
  const release = await releaseOrThrow(db(), principal.projectId, releaseId);
  const policy = await currentPolicy(db(), principal.projectId);
  return evaluateGate(await gatherEvidence(db(), release), policy.rules, policy.version, action ?? defaultGateAction(release.state));
}

export type ListReleasesFilter = Pick<TListReleasesQuery, "state" | "limit">;

/**
 * The pre-launch cost of a release (issue 5's budgets item): its candidate's tokens per request — the
 * mean over the successful results of its latest completed eval run on each dataset, candidate calls
 * only — × the pinned model's prices × the expected requests per day.
 */
export async function estimateReleaseCost(principal: Principal, releaseId: string, requestsPerDay: number) {
  assertCanReadReleases(principal);
  const release = await releaseOrThrow(db(), principal.projectId, releaseId);
  const candidate = candidateOf(release);
  const runs = candidate ? await latestRunsPerDataset(db(), principal.projectId, candidate) : [];
  const stats = await Promise.all(runs.map((r) => candidateTokenStats(r.id)));
  const sampleSize = stats.reduce((n, s) => n + s.sampleSize, 0);
  if (sampleSize === 0) {
    throw new AppError("VALIDATION", "No completed eval run of this release's candidate has results yet: run one to measure its tokens per request.", [
      { field: "release", message: "no eval results to measure tokens from" },
    ]);
  }
  const mean = (k: "input" | "output") => stats.reduce((n, s) => n + s[k] * s.sampleSize, 0) / sampleSize;
  const model = await db().modelVersion.findUniqueOrThrow({
    where: { id: release.modelVersionId }, select: { id: true, displayName: true, providerModelId: true, inputPricePerMTok: true, outputPricePerMTok: true },
  });
  const tokensPerRequest = { input: mean("input"), output: mean("output"), sampleSize };
  return {
    release: { id: release.id, version: release.version },
    evalRuns: runs.map((r) => ({ id: r.id, dataset: r.datasetVersion.dataset.name })),
    model, tokensPerRequest, requestsPerDay,
    ...estimateCost({ inputTokensPerRequest: tokensPerRequest.input, outputTokensPerRequest: tokensPerRequest.output }, model, requestsPerDay),
  };
}
