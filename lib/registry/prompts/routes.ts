import { z } from "zod";
import { defineContract } from "../../http/contract";
import {
  ZCompiledPrompt, ZCompilePrompt, ZCreatePromptVersion, ZListPromptsQuery, ZProjectParam, ZPromptDetail, ZPromptParam, ZPromptSummary,
  ZPromptVersion, ZPromptVersionParam, ZSavedPromptVersion,
} from "./schemas";

const tag = "Prompts";

export const createPromptVersionRoute = defineContract({
  method: "POST", path: "/api/v1/projects/{project}/prompts", tag,
  summary:
    "Save the next version of a prompt (creating the prompt on its first save). 201 with the new version; " +
    "200 with unchanged: true and the latest version when the content equals it (no version is created). " +
    "422 names each problem: invalid fields, template syntax errors (line and column), undeclared variables, secrets in the text.",
  permission: "registry:write", params: ZProjectParam, body: ZCreatePromptVersion, response: ZSavedPromptVersion, status: 201,
});

export const listPromptsRoute = defineContract({
  method: "GET", path: "/api/v1/projects/{project}/prompts", tag,
  summary: "List prompts, most recently changed first; q searches name, description and tags, tag filters by one tag",
  permission: "registry:read", params: ZProjectParam, query: ZListPromptsQuery, response: z.object({ prompts: z.array(ZPromptSummary) }),
});

export const getPromptRoute = defineContract({
  method: "GET", path: "/api/v1/projects/{project}/prompts/{name}", tag,
  summary: "A prompt with its version history (newest first) and the latest version's content",
  permission: "registry:read", params: ZPromptParam, response: ZPromptDetail,
});

export const getPromptVersionRoute = defineContract({
  method: "GET", path: "/api/v1/projects/{project}/prompts/{name}/versions/{version}", tag,
  summary: "One version of a prompt with its messages, variables, parameters and model",
  permission: "registry:read", params: ZPromptVersionParam, response: ZPromptVersion,
});

export const compilePromptRoute = defineContract({
  method: "POST", path: "/api/v1/projects/{project}/prompts/{name}/compile", tag,
  summary: "Render a version's messages with variable values; unknown, missing required and mistyped variables are a 422 naming them",
  permission: "registry:read", params: ZPromptParam, body: ZCompilePrompt, response: ZCompiledPrompt,
});
