import { db, type Prisma, type Tx } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import { appendAuditEvent } from "../../audit/repo";
import { assertCan, auditActor, type Principal } from "../../authz/principal";
import { findModelVersion } from "../models/repo";
import { promptContentHash } from "./hash";
import { BLOCKING_LINT_CODES, lintPromptText } from "./lint";
import { contentOf, presentPrompt } from "./present";
import {
  findLatestPromptVersion, findPromptByName, findPromptVersion, insertPrompt, insertPromptVersion,
  lockPrompt, updatePrompt,
} from "./repo";
import type { TCreatePromptVersion, TPromptContent, TPromptSummary, TSavedPromptVersion } from "./schemas";

// Writing prompts: every save is a new immutable version (or nothing, when the content is the
// latest version's), with its audit event in the same transaction.

type Prompt = NonNullable<Awaited<ReturnType<typeof findPromptByName>>>;
type Version = NonNullable<Awaited<ReturnType<typeof findLatestPromptVersion>>>;

const saved = (v: Version, unchanged: boolean): TSavedPromptVersion => ({
  id: v.id, promptId: v.promptId, name: v.prompt.name, version: v.version, contentHash: v.contentHash, unchanged,
});

/** Refuses content that would not compile or that carries a credential (422 naming each place). */
export function assertPromptSavable(content: TPromptContent): void {
  const blocking = lintPromptText(content).filter((i) => BLOCKING_LINT_CODES.has(i.code));
  if (!blocking.length) return;
  const secret = blocking.some((i) => i.code === "secret");
  const head = secret ? "Remove the secret from the prompt before saving" : "The prompt has errors";
  throw new AppError(
    "VALIDATION",
    `${head} — ${blocking.map((i) => i.message).join("; ")}`,
    blocking.map((i) => ({ field: i.field ?? "messages", message: i.message })),
  );
}

/**
 * Two first saves of a new name race on the (project, name) unique key; the loser retries and then
 * finds the prompt. Saves of an existing prompt are serialised by its row lock instead.
 */
async function withRetryOnConflict<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !isUniqueViolation(err)) throw err;
    }
  }
}

async function assertModelInProject(tx: Tx, projectId: string, id: string | null | undefined) {
  if (!id) return;
  if (!(await findModelVersion(tx, projectId, id))) throw new AppError("NOT_FOUND", `No model version "${id}" in this project.`);
}

async function insertNextVersion(
  tx: Tx,
  principal: Principal,
  prompt: Prompt,
  latest: Version | null,
  content: TPromptContent,
  extra: { changelog: string; restoredFrom?: number },
) {
  const created = await insertPromptVersion(tx, {
    projectId: principal.projectId,
    promptId: prompt.id,
    version: (latest?.version ?? 0) + 1,
    messages: content.messages,
    variables: content.variables as Prisma.InputJsonValue,
    params: content.params as Prisma.InputJsonValue,
    modelVersionId: content.modelVersionId ?? null,
    changelog: extra.changelog,
    contentHash: promptContentHash(content),
    restoredFrom: extra.restoredFrom ?? null,
    authorId: principal.kind === "user" ? principal.userId : null,
    authorLabel: principal.label,
  });
  await updatePrompt(tx, prompt.id, { touch: true });
  await appendAuditEvent(tx, {
    ...auditActor(principal),
    action: extra.restoredFrom ? "prompt.version.restore" : "prompt.version.create",
    resourceType: "promptVersion",
    resourceId: created.id,
    before: latest ? { version: latest.version, contentHash: latest.contentHash } : null,
    after: {
      name: prompt.name, version: created.version, contentHash: created.contentHash, changelog: created.changelog,
      modelVersionId: created.modelVersionId, ...(extra.restoredFrom ? { restoredFrom: extra.restoredFrom } : {}),
    },
  });
  return created;
}

/** Saves the next version of a prompt, creating the prompt on its first save. */
export async function createPromptVersion(principal: Principal, input: TCreatePromptVersion): Promise<TSavedPromptVersion> {
  assertCan(principal, "registry:write");
  const content: TPromptContent = {
    messages: input.messages, variables: input.variables, params: input.params, modelVersionId: input.modelVersionId ?? null,
  };
  assertPromptSavable(content);
  const hash = promptContentHash(content);

  return withRetryOnConflict(() =>
    db().$transaction(async (tx) => {
      await assertModelInProject(tx, principal.projectId, content.modelVersionId);
      let prompt = await findPromptByName(tx, principal.projectId, input.name);
      if (!prompt) {
        prompt = await insertPrompt(tx, { projectId: principal.projectId, name: input.name, description: input.description || null, tags: dedupe(input.tags) });
        await appendAuditEvent(tx, {
          ...auditActor(principal), action: "prompt.create", resourceType: "prompt", resourceId: prompt.id,
          after: { name: prompt.name, description: prompt.description, tags: prompt.tags },
        });
      } else {
        await lockPrompt(tx, principal.projectId, prompt.id);
        prompt = await applyMeta(tx, principal, prompt, { tags: input.tags, description: input.description });
      }
      const latest = await findLatestPromptVersion(tx, prompt.id);
      if (latest && latest.contentHash === hash) return saved(latest, true);
      return saved(await insertNextVersion(tx, principal, prompt, latest, content, { changelog: input.changelog }), false);
    }),
  );
}

/** A new version with an old version's content; nothing when that equals the latest. */
export async function restorePromptVersion(principal: Principal, name: string, version: number, changelog?: string): Promise<TSavedPromptVersion> {
  assertCan(principal, "registry:write");
  return withRetryOnConflict(() =>
    db().$transaction(async (tx) => {
      const prompt = await findPromptByName(tx, principal.projectId, name);
      if (!prompt) throw new AppError("NOT_FOUND", `No prompt "${name}" in this project.`);
      await lockPrompt(tx, principal.projectId, prompt.id);
      const old = await findPromptVersion(tx, principal.projectId, name, version);
      if (!old) throw new AppError("NOT_FOUND", `Prompt "${name}" has no version ${version}.`);
      const content = contentOf(old);
      // rules may have grown since the old version was saved (a newly detected secret kind)
      assertPromptSavable(content);
      const latest = await findLatestPromptVersion(tx, prompt.id);
      if (latest && latest.contentHash === promptContentHash(content)) return saved(latest, true);
      const created = await insertNextVersion(tx, principal, prompt, latest, content, {
        changelog: changelog?.trim() || `Restored from version ${version}`,
        restoredFrom: version,
      });
      return saved(created, false);
    }),
  );
}

export async function updatePromptTags(principal: Principal, name: string, tags: string[]): Promise<TPromptSummary> {
  assertCan(principal, "registry:write");
  return db().$transaction(async (tx) => {
    const prompt = await findPromptByName(tx, principal.projectId, name);
    if (!prompt) throw new AppError("NOT_FOUND", `No prompt "${name}" in this project.`);
    await lockPrompt(tx, principal.projectId, prompt.id);
    const after = await applyMeta(tx, principal, prompt, { tags });
    const latest = await findLatestPromptVersion(tx, prompt.id);
    return presentPrompt({ ...after, versions: latest ? [latest] : [] });
  });
}

/** Tags and description live on the prompt, not on versions; a change is its own audit event. */
async function applyMeta(tx: Tx, principal: Principal, prompt: Prompt, meta: { tags?: string[]; description?: string }): Promise<Prompt> {
  const tags = meta.tags === undefined ? prompt.tags : dedupe(meta.tags);
  const description = meta.description === undefined ? prompt.description : meta.description || null;
  const tagsChanged = tags.join("\n") !== prompt.tags.join("\n");
  if (!tagsChanged && description === prompt.description) return prompt;
  const after = await updatePrompt(tx, prompt.id, { tags, description });
  await appendAuditEvent(tx, {
    ...auditActor(principal), action: "prompt.update", resourceType: "prompt", resourceId: prompt.id,
    before: { tags: prompt.tags, description: prompt.description }, after: { tags: after.tags, description: after.description },
  });
  return after;
}

const dedupe = (tags?: string[]) => [...new Set(tags ?? [])].sort();
