import { db } from "../../db";
import { AppError } from "../../errors";
import { assertCan, type Principal } from "../../authz/principal";
import { compilePrompt } from "./template";
import { presentPrompt, presentVersion, presentVersionSummary } from "./present";
import { findModelVersionsForProject, findPromptsForProject, findPromptTagsForProject, findPromptVersion, findPromptWithVersions } from "./repo";
import type { TCompiledPrompt, TListPromptsQuery, TPromptDetail, TPromptSummary, TPromptVersion } from "./schemas";

// Reading prompts. Another project's prompt is reported exactly like a missing one (404).

export async function listPrompts(principal: Principal, query: TListPromptsQuery = {}): Promise<TPromptSummary[]> {
  assertCan(principal, "registry:read");
  return (await findPromptsForProject(principal.projectId, query)).map(presentPrompt);
}

export async function listPromptTags(principal: Principal): Promise<string[]> {
  assertCan(principal, "registry:read");
  return findPromptTagsForProject(principal.projectId);
}

export async function getPrompt(principal: Principal, name: string): Promise<TPromptDetail> {
  assertCan(principal, "registry:read");
  const p = await findPromptWithVersions(principal.projectId, name);
  if (!p) throw new AppError("NOT_FOUND", `No prompt "${name}" in this project.`);
  return {
    ...presentPrompt(p),
    versions: p.versions.map(presentVersionSummary),
    latest: p.versions[0] ? presentVersion(p.versions[0]) : null,
  };
}

export async function getPromptVersion(principal: Principal, name: string, version: number): Promise<TPromptVersion> {
  assertCan(principal, "registry:read");
  const row = await findPromptVersion(db(), principal.projectId, name, version);
  if (!row) throw new AppError("NOT_FOUND", `Prompt "${name}" has no version ${version} in this project.`);
  return presentVersion(row);
}

/** Renders one version with the caller's values, through the same compilePrompt as the SDK. */
export async function compilePromptVersion(
  principal: Principal,
  name: string,
  version: number,
  variables: Record<string, unknown>,
): Promise<TCompiledPrompt> {
  const v = await getPromptVersion(principal, name, version);
  return compilePrompt(v, variables);
}

/** The project's model versions with prices, for the editor's model picker and cost estimate. */
export async function listPromptModelChoices(principal: Principal) {
  assertCan(principal, "registry:read");
  return findModelVersionsForProject(principal.projectId);
}
