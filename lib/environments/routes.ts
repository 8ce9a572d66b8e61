import { z } from "zod";
import { defineContract } from "../http/contract";
import {
  ZAbortCanary, ZCreateEnvironment, ZDeployment, ZDeploymentsQuery, ZEnvironment, ZEnvironmentParam, ZGraduate, ZMoveResult, ZProjectParam, ZPromote,
  ZImportConfig, ZResolvedRelease, ZResolveQuery, ZRollback, ZStartCanary, ZUpdateCanary,
} from "./schemas";
import { ZReleaseDetail } from "../releases/schemas";

const tag = "Environments";
const base = "/api/v1/projects/{project}/environments";

export const listEnvironmentsRoute = defineContract({
  method: "GET", path: base, tag, summary: "The project's environments (staging and production always exist) with their stable and canary releases and the canary's share",
  permission: null, params: ZProjectParam, response: z.object({ environments: z.array(ZEnvironment) }),
});

export const createEnvironmentRoute = defineContract({
  method: "POST", path: base, tag, status: 201, summary: "Add an environment (a lowercase slug, e.g. eu-production); 409 if the name is taken",
  permission: "releases:deploy", params: ZProjectParam, body: ZCreateEnvironment, response: ZEnvironment,
});

export const getEnvironmentRoute = defineContract({
  method: "GET", path: `${base}/{env}`, tag, summary: "One environment and its pointers",
  permission: null, params: ZEnvironmentParam, response: ZEnvironment,
});

export const listDeploymentsRoute = defineContract({
  method: "GET", path: `${base}/{env}/deployments`, tag, summary: "The environment's history of pointer moves, newest first, each with who, why and the gate result it passed",
  permission: null, params: ZEnvironmentParam, query: ZDeploymentsQuery, response: z.object({ deployments: z.array(ZDeployment) }),
});

const moveNote = "Refused moves answer 4xx with the reason (409 for the state of things, 422 for a failing gate or bad input) and change nothing.";

export const promoteRoute = defineContract({
  method: "POST", path: `${base}/{env}/promote`, tag,
  summary: `Make a release (id or version) the environment's stable release. Production: through the release workflow's gate (approved → production; the previous production release is superseded). Other environments: any approved release. ${moveNote}`,
  permission: "releases:deploy", params: ZEnvironmentParam, body: ZPromote, response: ZMoveResult,
});

export const startCanaryRoute = defineContract({
  method: "POST", path: `${base}/{env}/canary`, tag,
  summary: `Start a canary in production: an approved release served to this percentage of request keys (sticky per key). ${moveNote}`,
  permission: "releases:deploy", params: ZEnvironmentParam, body: ZStartCanary, response: ZMoveResult,
});

export const updateCanaryRoute = defineContract({
  method: "PATCH", path: `${base}/{env}/canary`, tag, summary: `Change the running canary's percentage. ${moveNote}`,
  permission: "releases:deploy", params: ZEnvironmentParam, body: ZUpdateCanary, response: ZMoveResult,
});

export const graduateCanaryRoute = defineContract({
  method: "POST", path: `${base}/{env}/canary/graduate`, tag, summary: `The canary becomes the stable release (canary → production, through the gate). ${moveNote}`,
  permission: "releases:deploy", params: ZEnvironmentParam, body: ZGraduate, response: ZMoveResult,
});

export const abortCanaryRoute = defineContract({
  method: "POST", path: `${base}/{env}/canary/abort`, tag, summary: `Take the canary out, with a required reason; its release is rolled back and every key gets stable. ${moveNote}`,
  permission: "releases:deploy", params: ZEnvironmentParam, body: ZAbortCanary, response: ZMoveResult,
});

export const rollbackRoute = defineContract({
  method: "POST", path: `${base}/{env}/rollback`, tag,
  summary: `Roll production back to the release that was live before the current one, with a required reason; a running canary is rolled back too. ${moveNote}`,
  permission: "releases:deploy", params: ZEnvironmentParam, body: ZRollback, response: ZMoveResult,
});

export const resolveReleaseRoute = defineContract({
  method: "GET", path: `${base}/{env}/release`, tag,
  summary:
    "The runtime resolve API (the hot path): the release a request key gets — prompts by role (templates, compiled by the SDK), the model with its fallbacks, the retrieval config. " +
    "Sticky per key: SHA-256(environment id + key) decides canary or stable. Sends an ETag (304 on If-None-Match) and 'Cache-Control: private, max-age=5, stale-while-revalidate=30'. " +
    "Served from each instance's memory; a promotion or rollback reaches every instance within a second.",
  permission: "runtime:read", params: ZEnvironmentParam, query: ZResolveQuery, response: ZResolvedRelease,
});


export const exportConfigRoute = defineContract({
  method: "GET", path: `${base}/{env}/config`, tag, responseType: "file", fileTypes: ["application/yaml"],
  summary: "What the environment runs as a YAML deployment config (pinned model and fallbacks, prompt versions by role, retrieval config version, promoted at / by, the gate result at promotion; the canary too if one runs), for keeping releases in git",
  permission: null, params: ZEnvironmentParam, response: z.string(),
});

export const importConfigRoute = defineContract({
  method: "POST", path: `${base}/{env}/config`, tag, status: 201,
  summary: "Create a draft release from a deployment config file (JSON {yaml, version?}, or the file itself with Content-Type: application/yaml). Names are resolved in this project; unknown ones are a 422 naming each.",
  permission: "releases:write", params: ZEnvironmentParam, body: ZImportConfig, response: ZReleaseDetail,
  maxBodyBytes: 300 * 1024,
  binaryBody: {
    contentType: "application/yaml",
    description: "The deployment config YAML as exported",
    decode: (bytes) => ({ yaml: Buffer.from(bytes).toString("utf8") }),
  },
});

export const ENVIRONMENT_ROUTES = [
  listEnvironmentsRoute, createEnvironmentRoute, getEnvironmentRoute, listDeploymentsRoute, promoteRoute, startCanaryRoute, updateCanaryRoute,
  graduateCanaryRoute, abortCanaryRoute, rollbackRoute, resolveReleaseRoute, exportConfigRoute, importConfigRoute,
];
