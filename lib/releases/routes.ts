import { z } from "zod";
import { defineContract } from "../http/contract";
import { ZCreateGatePolicy, ZGatePolicy } from "./policy";
import {
  ZCreateRelease, ZGateResult, ZListReleasesQuery, ZProjectParam, ZRecordApproval, ZReleaseDetail, ZReleaseParam, ZReleaseRow, ZTransitionBody,
  ZTransitionResult, ZUpdateRelease,
} from "./schemas";
import { RELEASE_ACTIONS } from "./types";

const tag = "Releases";
const base = "/api/v1/projects/{project}/releases";

export const createReleaseRoute = defineContract({
  method: "POST", path: base, tag, status: 201,
  summary:
    "Cut a release (a draft): prompt versions under role keys, a pinned model version with ordered fallbacks, an optional retrieval config version, a semantic version and notes. " +
    "Every id must be a version of this project (422 naming the field); the version must be new (409). Returns the release with its content hash.",
  permission: "releases:write", params: ZProjectParam, body: ZCreateRelease, response: ZReleaseDetail,
});

export const listReleasesRoute = defineContract({
  method: "GET", path: base, tag, summary: "Releases, newest first; ?state=awaiting_signoff (or several, comma separated) gives a queue",
  permission: null, params: ZProjectParam, query: ZListReleasesQuery, response: z.object({ releases: z.array(ZReleaseRow) }),
});

export const getReleaseRoute = defineContract({
  method: "GET", path: `${base}/{id}`, tag, summary: "One release with its approvals and its transitions (each with the gate result it was allowed with)",
  permission: null, params: ZReleaseParam, response: ZReleaseDetail,
});

export const updateReleaseRoute = defineContract({
  method: "PATCH", path: `${base}/{id}`, tag,
  summary: "Edit a draft (its content hash changes). From submit on a release is immutable: 409.",
  permission: "releases:write", params: ZReleaseParam, body: ZUpdateRelease, response: ZReleaseDetail,
});

export const transitionReleaseRoute = defineContract({
  method: "POST", path: `${base}/{id}/transitions`, tag,
  summary:
    `Move the release by one workflow action (${RELEASE_ACTIONS.join(", ")}). The server checks the permission (submit, request_review, review_passed, reject: releases:write; ` +
    "approve: releases:approve, people only), the state machine (409) and the gate policy (422 listing the failing checks); " +
    "start_canary, promote and rollback move an environment and answer 409 here: use the environments API. " +
    "a refusal changes nothing. reject and rollback need a reason.",
  permission: null, params: ZReleaseParam, body: ZTransitionBody, response: ZTransitionResult,
});

export const recordApprovalRoute = defineContract({
  method: "POST", path: `${base}/{id}/approvals`, tag, status: 201,
  summary:
    "A person's review (releases:review, while in review), UAT sign-off with per-scenario verdicts (releases:signoff) or final approval (releases:approve), both while awaiting sign-off. " +
    "Bound to the release's content hash. API keys get 403; so does the author when the policy demands four eyes. A reject (with a comment) rejects the release; " +
    "a final approval that lets the gate pass approves it.",
  permission: null, params: ZReleaseParam, body: ZRecordApproval, response: ZReleaseDetail,
});

export const releaseGateRoute = defineContract({
  method: "GET", path: `${base}/{id}/gate`, tag,
  summary: "The gate evaluated now with the current policy, per check with actual vs required and a reason; ?action= picks the step (default: the release's next one)",
  permission: null, params: ZReleaseParam, query: z.object({ action: z.enum(RELEASE_ACTIONS).optional() }), response: ZGateResult,
});

export const getGatePolicyRoute = defineContract({
  method: "GET", path: "/api/v1/projects/{project}/gate-policy", tag, summary: "The project's current gate policy (the built-in default when none was saved)",
  permission: null, params: ZProjectParam, response: ZGatePolicy,
});

export const createGatePolicyRoute = defineContract({
  method: "POST", path: "/api/v1/projects/{project}/gate-policy", tag, status: 201,
  summary: "Save a new version of the gate policy (it applies from the next transition); thresholds out of range are a 422 naming the rule",
  permission: "project:write", params: ZProjectParam, body: ZCreateGatePolicy, response: ZGatePolicy,
});

export const ZReleaseEstimate = z.object({
  release: z.object({ id: z.string(), version: z.string() }),
  evalRuns: z.array(z.object({ id: z.string(), dataset: z.string() })),
  model: z.object({ id: z.string(), displayName: z.string(), providerModelId: z.string(), inputPricePerMTok: z.number(), outputPricePerMTok: z.number() }),
  tokensPerRequest: z.object({ input: z.number(), output: z.number(), sampleSize: z.number().int() }),
  requestsPerDay: z.number(),
  costPerRequestUsd: z.number(),
  dailyUsd: z.number(),
  monthlyUsd: z.number(),
});

export const ZEstimateParams = z.object({
  requestsPerDay: z.coerce.number("must be a number").int("a whole number of requests").min(1, "at least 1").max(1_000_000_000, "at most 1,000,000,000"),
}).strict();

export const releaseEstimateRoute = defineContract({
  method: "GET", path: `${base}/{id}/estimate`, tag,
  summary:
    "Pre-launch cost: the candidate's tokens per request (mean over the successful results of its latest completed eval run per dataset, " +
    "candidate calls only) × the pinned model's prices × requestsPerDay → cost per request, per day and per 30-day month. 422 when no eval results exist yet.",
  permission: null, params: ZReleaseParam, query: ZEstimateParams, response: ZReleaseEstimate,
});

export const RELEASE_ROUTES = [
  createReleaseRoute, listReleasesRoute, getReleaseRoute, updateReleaseRoute, transitionReleaseRoute, recordApprovalRoute, releaseGateRoute,
  releaseEstimateRoute, getGatePolicyRoute, createGatePolicyRoute,
];
