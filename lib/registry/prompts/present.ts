import type { TPromptContent, TPromptSummary, TPromptVersion, TPromptVersionSummary } from "./schemas";

// Rows → API shapes. Stored JSON columns were validated by the schema when written.

export interface VersionRow {
  id: string;
  promptId: string;
  version: number;
  messages: unknown;
  variables: unknown;
  params: unknown;
  modelVersionId: string | null;
  changelog: string;
  contentHash: string;
  restoredFrom: number | null;
  authorLabel: string;
  createdAt: Date;
  prompt: { name: string };
}

export function contentOf(row: Pick<VersionRow, "messages" | "variables" | "params" | "modelVersionId">): TPromptContent {
  return {
    messages: row.messages as TPromptContent["messages"],
    variables: (row.variables ?? []) as TPromptContent["variables"],
    params: (row.params ?? {}) as TPromptContent["params"],
    modelVersionId: row.modelVersionId,
  };
}

export function presentVersionSummary(row: VersionRow): TPromptVersionSummary {
  return {
    id: row.id,
    version: row.version,
    changelog: row.changelog,
    contentHash: row.contentHash,
    restoredFrom: row.restoredFrom,
    author: row.authorLabel,
    createdAt: row.createdAt.toISOString(),
    modelVersionId: row.modelVersionId,
  };
}

export function presentVersion(row: VersionRow): TPromptVersion {
  const c = contentOf(row);
  return {
    ...presentVersionSummary(row),
    promptId: row.promptId,
    name: row.prompt.name,
    messages: c.messages,
    variables: c.variables,
    params: c.params,
    modelVersionId: row.modelVersionId,
  };
}

export function presentPrompt(p: {
  id: string;
  name: string;
  description: string | null;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  versions: { version: number; authorLabel: string }[];
}): TPromptSummary {
  const latest = p.versions[0];
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    tags: p.tags,
    latestVersion: latest?.version ?? null,
    latestAuthor: latest?.authorLabel ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
