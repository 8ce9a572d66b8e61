import type { Prisma } from "../../generated/prisma/client";
import { db, type Tx } from "../../db";

// The only Prisma access of prompts. Every query is scoped by project.

const latestVersion = { versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, authorLabel: true, createdAt: true } } } as const;
const withPromptName = { prompt: { select: { name: true } } } as const;

export function findPromptByName(tx: Tx, projectId: string, name: string) {
  return tx.prompt.findUnique({ where: { projectId_name: { projectId, name } } });
}

export function insertPrompt(tx: Tx, data: { projectId: string; name: string; description?: string | null; tags?: string[] }) {
  return tx.prompt.create({ data: { ...data, tags: data.tags ?? [] } });
}

/** Serialises writers of one prompt until the transaction ends, so version numbers never collide. */
export async function lockPrompt(tx: Tx, projectId: string, promptId: string) {
  await tx.$queryRaw`select id from "Prompt" where id = ${promptId} and "projectId" = ${projectId} for update`;
}

export function updatePrompt(tx: Tx, id: string, data: { tags?: string[]; description?: string | null; touch?: boolean }) {
  const { touch, ...fields } = data;
  return tx.prompt.update({ where: { id }, data: { ...fields, ...(touch ? { updatedAt: new Date() } : {}) } });
}

export function findLatestPromptVersion(tx: Tx, promptId: string) {
  return tx.promptVersion.findFirst({ where: { promptId }, orderBy: { version: "desc" }, include: withPromptName });
}

export function insertPromptVersion(tx: Tx, data: Prisma.PromptVersionUncheckedCreateInput) {
  return tx.promptVersion.create({ data, include: withPromptName });
}

export function findPromptVersion(tx: Tx, projectId: string, name: string, version: number) {
  return tx.promptVersion.findFirst({ where: { projectId, version, prompt: { projectId, name } }, include: withPromptName });
}

export function findPromptsForProject(projectId: string, filter: { q?: string; tag?: string }) {
  const q = filter.q?.trim();
  return db().prompt.findMany({
    where: {
      projectId,
      ...(filter.tag ? { tags: { has: filter.tag } } : {}),
      ...(q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { description: { contains: q, mode: "insensitive" } },
              { tags: { has: q.toLowerCase() } },
            ],
          }
        : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { name: "asc" }],
    take: 500,
    include: latestVersion,
  });
}

export function findPromptWithVersions(projectId: string, name: string) {
  return db().prompt.findUnique({
    where: { projectId_name: { projectId, name } },
    include: { versions: { orderBy: { version: "desc" }, include: withPromptName } },
  });
}

export async function findPromptTagsForProject(projectId: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ tag: string }[]>`
    select distinct unnest(tags) as tag from "Prompt" where "projectId" = ${projectId} order by tag`;
  return rows.map((r) => r.tag);
}

const modelFields = {
  id: true, displayName: true, providerModelId: true, inputPricePerMTok: true, outputPricePerMTok: true,
  contextWindow: true, maxOutputTokens: true, floating: true,
} as const;

export function findModelVersionsForProject(projectId: string) {
  return db().modelVersion.findMany({ where: { projectId }, orderBy: { displayName: "asc" }, select: modelFields });
}
