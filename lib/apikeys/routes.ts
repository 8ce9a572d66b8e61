import { z } from "zod";
import { defineContract } from "../http/contract";
import { ZApiKey, ZApiKeyIdParam, ZCreateApiKey, ZCreatedApiKey } from "./schemas";

export const listApiKeysRoute = defineContract({
  method: "GET", path: "/api/v1/api-keys", tag: "API keys", summary: "List the project's API keys (prefix, scopes, last use)",
  permission: "apikeys:read", response: z.object({ apiKeys: z.array(ZApiKey) }),
});

export const createApiKeyRoute = defineContract({
  method: "POST", path: "/api/v1/api-keys", tag: "API keys", summary: "Create an API key; the full key is returned once",
  permission: "apikeys:write", body: ZCreateApiKey, response: ZCreatedApiKey, status: 201,
});

export const revokeApiKeyRoute = defineContract({
  method: "DELETE", path: "/api/v1/api-keys/{id}", tag: "API keys", summary: "Revoke an API key; its next call gets 401",
  permission: "apikeys:write", params: ZApiKeyIdParam, response: ZApiKey,
});
