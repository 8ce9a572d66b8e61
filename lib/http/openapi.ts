import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { RouteContract } from "./contract";
import { listApiKeysRoute, createApiKeyRoute, revokeApiKeyRoute } from "../apikeys/routes";
import { listMembersRoute, addMemberRoute, changeMemberRoleRoute, removeMemberRoute } from "../members/routes";
import { listAuditEventsRoute } from "../audit/routes";
import { getProjectRoute } from "../projects/routes";
import { createPromptVersionRoute, listPromptsRoute, getPromptRoute, getPromptVersionRoute, compilePromptRoute } from "../registry/prompts/routes";
import {
  createConnectionRoute, getConnectionRoute, listConnectionsRoute, testConnectionRoute, updateConnectionRoute,
} from "../registry/connections/routes";
import { createModelVersionRoute, getModelVersionRoute, listModelVersionsRoute, updateModelVersionRoute } from "../registry/models/routes";
import { RETRIEVAL_ROUTES } from "../registry/retrieval/routes";
import { runPlaygroundRoute } from "../registry/playground/routes";
import { DATASET_ROUTES } from "../datasets/routes";
import { EVAL_RUN_ROUTES } from "../evals/runs/routes";
import { TRACE_ROUTES } from "../traces/routes";
import { COST_ROUTES } from "../costs/routes";
import { BUDGET_ROUTES } from "../budgets/routes";
import { NOTIFICATION_ROUTES } from "../notifications/routes";
import { TRACE_READ_ROUTES } from "../traces/read-routes";
import { ZHealth } from "../health/schemas";
import { ENVIRONMENT_ROUTES } from "../environments/routes";
import { RELEASE_ROUTES } from "../releases/routes";
import { LABELLING_ROUTES } from "../labelling/routes";
import { ANNOTATE_ROUTES } from "../labelling/annotate-routes";
import { FEEDBACK_ROUTES } from "../feedback/routes";
import { CALIBRATION_ROUTES } from "../calibration/routes";

/** Every public route. A new route file adds its contract here so it is documented. */
export const PUBLIC_ROUTES: RouteContract[] = [
  getProjectRoute,
  listApiKeysRoute, createApiKeyRoute, revokeApiKeyRoute,
  listMembersRoute, addMemberRoute, changeMemberRoleRoute, removeMemberRoute,
  listAuditEventsRoute,
  createPromptVersionRoute, listPromptsRoute, getPromptRoute, getPromptVersionRoute, compilePromptRoute,
  listConnectionsRoute, createConnectionRoute, getConnectionRoute, updateConnectionRoute, testConnectionRoute,
  listModelVersionsRoute, createModelVersionRoute, getModelVersionRoute, updateModelVersionRoute,
  ...RETRIEVAL_ROUTES,
  runPlaygroundRoute,
  ...DATASET_ROUTES,
  ...EVAL_RUN_ROUTES,
  ...TRACE_ROUTES,
  ...TRACE_READ_ROUTES,
  ...ENVIRONMENT_ROUTES,
  ...RELEASE_ROUTES,
  ...LABELLING_ROUTES,
  ...ANNOTATE_ROUTES,
  ...FEEDBACK_ROUTES,
  ...CALIBRATION_ROUTES,
];

const ZError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  }),
});

const binaryContent = (r: RouteContract) =>
  r.binaryBody ? { [r.binaryBody.contentType]: { schema: { type: "string" as const, format: "binary", description: r.binaryBody.description } } } : {};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ZError } } });

export function buildOpenApiDocument(serverUrl?: string) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "A project API key (fdk_…). Create one under Settings → API keys or with `npm run cli -- apikey:create`.",
  });

  for (const r of PUBLIC_ROUTES) {
    const ok = r.status ?? 200;
    registry.registerPath({
      method: r.method.toLowerCase() as "get",
      path: r.path,
      tags: [r.tag],
      summary: r.summary,
      description: r.permission
        ? `Requires the \`${r.permission}\` permission (an API key scope or a role that grants it).`
        : "Any valid API key or member of the project.",
      security: [{ [bearer.name]: [] }],
      request: {
        ...(r.params ? { params: r.params as z.ZodObject } : {}),
        ...(r.query ? { query: r.query as z.ZodObject } : {}),
        ...(r.body ? { body: { required: true, content: { "application/json": { schema: r.body }, ...binaryContent(r) } } } : {}),
      },
      responses: {
        [ok]: ok === 204
          ? { description: "Done" }
          : r.responseType === "text/event-stream"
            ? { description: "A stream of Server-Sent Events; each event's data is JSON of this shape", content: { "text/event-stream": { schema: r.response } } }
            : r.responseType === "file"
              ? { description: "The file, sent as an attachment", content: Object.fromEntries((r.fileTypes ?? ["application/octet-stream"]).map((t) => [t, { schema: r.response }])) }
              : {
                  description: r.binaryBody?.encodeResponse ? `Success; a ${r.binaryBody.contentType} request is answered in that encoding` : "Success",
                  content: { "application/json": { schema: r.response }, ...(r.binaryBody?.encodeResponse ? binaryContent(r) : {}) },
                },
        ...(r.body
          ? {
              400: errorResponse(r.binaryBody ? `Malformed JSON or ${r.binaryBody.contentType}` : "Malformed JSON"),
              413: errorResponse("Body too large"),
              415: errorResponse(r.binaryBody ? `Body is neither JSON nor ${r.binaryBody.contentType}` : "Body is not JSON"),
            }
          : {}),
        401: errorResponse("Missing, unknown, revoked or expired credentials"),
        403: errorResponse("The key's scopes or the member's role do not allow this"),
        ...(r.params ? { 404: errorResponse("No such object in this project") } : {}),
        422: errorResponse("Input failed validation; issues name each field"),
      },
    });
  }

  registry.registerPath({
    method: "get",
    path: "/api/health",
    tags: ["Operations"],
    summary: "Liveness of the database, Redis and the worker (no authentication)",
    responses: {
      200: { description: "Everything answers", content: { "application/json": { schema: ZHealth } } },
      503: { description: "A part is down; it is named", content: { "application/json": { schema: ZHealth } } },
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/ping",
    tags: ["Operations"],
    summary: "A constant answer (no authentication, no database): the baseline of `npm run bench:resolve`",
    responses: { 200: { description: "Always", content: { "application/json": { schema: z.object({ ok: z.literal(true), service: z.string() }) } } } },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Flightdeck API",
      version: "1",
      description: "Public HTTP API of Flightdeck. Authenticate with `Authorization: Bearer <API key>`; the key's project is implied.",
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
  });
}
