import { z } from "zod";
import { defineContract } from "../../http/contract";
import { ZProjectParam } from "../connections/schemas";
import { ZCreateModelVersion, ZModelParams, ZModelVersion, ZUpdateModelVersion } from "./schemas";

const tag = "Models";

export const listModelVersionsRoute = defineContract({
  method: "GET", path: "/api/v1/projects/{project}/models", tag, summary: "List pinned model versions with prices",
  permission: "registry:read", params: ZProjectParam, response: z.object({ models: z.array(ZModelVersion) }),
});

export const createModelVersionRoute = defineContract({
  method: "POST", path: "/api/v1/projects/{project}/models", tag,
  summary: "Register a pinned model version; floating aliases (latest, undated ids) are refused unless marked floating",
  permission: "registry:write", params: ZProjectParam, body: ZCreateModelVersion, response: ZModelVersion, status: 201,
});

export const getModelVersionRoute = defineContract({
  method: "GET", path: "/api/v1/projects/{project}/models/{id}", tag, summary: "One model version",
  permission: "registry:read", params: ZModelParams, response: ZModelVersion,
});

export const updateModelVersionRoute = defineContract({
  method: "PATCH", path: "/api/v1/projects/{project}/models/{id}", tag, summary: "Update prices and metadata (the pinned id never changes)",
  permission: "registry:write", params: ZModelParams, body: ZUpdateModelVersion, response: ZModelVersion,
});
