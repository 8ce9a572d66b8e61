import { z } from "zod";
import { defineContract } from "../../http/contract";
import { ZConnection, ZConnectionParams, ZConnectionTest, ZCreateConnection, ZProjectParam, ZUpdateConnection } from "./schemas";

const tag = "Provider connections";

export const listConnectionsRoute = defineContract({
  method: "GET", path: "/api/v1/projects/{project}/connections", tag, summary: "List provider connections (secrets are never returned)",
  permission: "registry:read", params: ZProjectParam, response: z.object({ connections: z.array(ZConnection) }),
});

export const createConnectionRoute = defineContract({
  method: "POST", path: "/api/v1/projects/{project}/connections", tag,
  summary: "Create a connection (openai-compatible, anthropic or offline); the secret is write-only, encrypted at rest",
  permission: "registry:write", params: ZProjectParam, body: ZCreateConnection, response: ZConnection, status: 201,
});

export const getConnectionRoute = defineContract({
  method: "GET", path: "/api/v1/projects/{project}/connections/{id}", tag, summary: "One connection",
  permission: "registry:read", params: ZConnectionParams, response: ZConnection,
});

export const updateConnectionRoute = defineContract({
  method: "PATCH", path: "/api/v1/projects/{project}/connections/{id}", tag,
  summary: "Change a connection; a new base URL requires re-entering the secret (secret: null removes it)",
  permission: "registry:write", params: ZConnectionParams, body: ZUpdateConnection, response: ZConnection,
});

export const testConnectionRoute = defineContract({
  method: "POST", path: "/api/v1/projects/{project}/connections/{id}/test", tag,
  summary: "Test a connection: list the provider's models (or a one-token completion) and report latency",
  permission: "registry:write", params: ZConnectionParams, response: ZConnectionTest,
});
