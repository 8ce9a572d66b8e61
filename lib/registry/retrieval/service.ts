import { db, type Prisma, type Tx } from "../../db";
import { AppError } from "../../errors";
import { appendAuditEvent } from "../../audit/repo";
import { assertCan, auditActor, type Principal } from "../../authz/principal";
import { checkOutboundUrl, OutboundRefusedError } from "../../net/outbound";
import { keyRing, outboundAllowlist } from "../connections/service";
import { openSecret, sealSecret, secretHint, SecretUnavailableError } from "../secrets/crypto";
import { contentOfInput, retrievalContentHash, type RetrievalContent } from "./content";
import { presentConfigSummary, presentConfigVersion } from "./present";
import {
  findKnowledgeBase, findLatestRetrievalConfigVersion, findModelVersionForEmbedding, findRetrievalConfigByName, findRetrievalConfigs,
  findRetrievalConfigVersion, findRetrievalConfigWithVersions, insertRetrievalConfig, insertRetrievalConfigVersion, lockRetrievalConfig,
  sealRetrievalConfigVersionSecret, updateRetrievalConfig,
} from "./repo";
import type {
  TCreateRetrievalConfigVersion, TRetrievalConfigDetail, TRetrievalConfigSummary, TRetrievalConfigVersion, TSavedRetrievalConfigVersion,
} from "./schemas";

// Retrieval config versions: immutable 1..n like prompts. Saving the latest version's content again
// creates nothing. An external retriever's credential is sealed with the version's id as
// authenticated data, like connection secrets, and never returned.

type VersionRow = NonNullable<Awaited<ReturnType<typeof findLatestRetrievalConfigVersion>>>;

const saved = (v: VersionRow, unchanged: boolean): TSavedRetrievalConfigVersion => ({
  id: v.id, retrievalConfigId: v.retrievalConfigId, name: v.retrievalConfig.name, version: v.version, contentHash: v.contentHash, unchanged,
});

async function guardRetrieverUrl(raw: string): Promise<string> {
  try {
    return (await checkOutboundUrl(raw, outboundAllowlist())).toString();
  } catch (err) {
    if (err instanceof OutboundRefusedError) {
      throw new AppError("VALIDATION", `External retriever URL refused: ${err.message}.`, [{ field: "externalRetriever.url", message: err.message }]);
    }
    throw err;
  }
}

/** The sealed credential of a stored version, or null when none is stored or it no longer opens. */
export function openRetrieverSecret(v: { id: string; externalAuthCiphertext: string | null; externalAuthNonce: string | null; externalAuthKeyId: string | null }): string | null {
  if (!v.externalAuthCiphertext || !v.externalAuthNonce || !v.externalAuthKeyId) return null;
  try {
    return openSecret(keyRing(), { ciphertext: v.externalAuthCiphertext, nonce: v.externalAuthNonce, keyId: v.externalAuthKeyId }, v.id);
  } catch (err) {
    if (err instanceof SecretUnavailableError) return null;
    throw err;
  }
}

async function assertReferences(tx: Tx, projectId: string, input: TCreateRetrievalConfigVersion) {
  const model = await findModelVersionForEmbedding(tx, projectId, input.embeddingModelVersionId);
  if (!model) throw new AppError("NOT_FOUND", `No model version "${input.embeddingModelVersionId}" in this project.`);
  if (!model.capabilities.includes("embeddings")) {
    const message = `${model.displayName} has no "embeddings" capability`;
    throw new AppError("VALIDATION", `${message}; choose an embedding model.`, [{ field: "embeddingModelVersionId", message }]);
  }
  if (input.knowledgeBaseId && !(await findKnowledgeBase(tx, projectId, input.knowledgeBaseId))) {
    throw new AppError("NOT_FOUND", `No knowledge base "${input.knowledgeBaseId}" in this project.`);
  }
}

const auditContent = (c: RetrievalContent) => ({ ...c, externalRetriever: c.externalRetriever ? { ...c.externalRetriever } : null });

/** Saves the next version of a retrieval config, creating the config on its first save. */
export async function createRetrievalConfigVersion(principal: Principal, input: TCreateRetrievalConfigVersion): Promise<TSavedRetrievalConfigVersion> {
  assertCan(principal, "registry:write");
  const externalUrl = input.externalRetriever ? await guardRetrieverUrl(input.externalRetriever.url) : null;
  const content = contentOfInput(input, externalUrl);
  const contentHash = retrievalContentHash(content);
  const secret = input.externalRetriever?.authHeader?.value ?? null;

  return db().$transaction(async (tx) => {
    await assertReferences(tx, principal.projectId, input);
    let config = await findRetrievalConfigByName(tx, principal.projectId, input.name);
    if (!config) {
      config = await insertRetrievalConfig(tx, { projectId: principal.projectId, name: input.name, description: input.description || null });
      await appendAuditEvent(tx, {
        ...auditActor(principal), action: "retrieval_config.create", resourceType: "retrievalConfig", resourceId: config.id,
        after: { name: config.name, description: config.description },
      });
    } else {
      await lockRetrievalConfig(tx, principal.projectId, config.id);
      if (input.description !== undefined && (input.description || null) !== config.description) {
        const after = await updateRetrievalConfig(tx, config.id, { description: input.description || null });
        await appendAuditEvent(tx, {
          ...auditActor(principal), action: "retrieval_config.update", resourceType: "retrievalConfig", resourceId: config.id,
          before: { description: config.description }, after: { description: after.description },
        });
      }
    }
    const latest = await findLatestRetrievalConfigVersion(tx, config.id);
    // a new credential is a change even though the hash (which never sees it) is the same
    if (latest && latest.contentHash === contentHash && openRetrieverSecret(latest) === secret) return saved(latest, true);

    const data: Prisma.RetrievalConfigVersionUncheckedCreateInput = {
      projectId: principal.projectId, retrievalConfigId: config.id, version: (latest?.version ?? 0) + 1,
      embeddingModelVersionId: content.embeddingModelVersionId, chunkSize: content.chunkSize, chunkOverlap: content.chunkOverlap,
      topK: content.topK, minSimilarity: content.minSimilarity, rerank: content.rerank, knowledgeBaseId: content.knowledgeBaseId,
      externalUrl: content.externalRetriever?.url ?? null,
      externalHeaders: content.externalRetriever ? (content.externalRetriever.headers as Prisma.InputJsonValue) : undefined,
      externalAuthHeader: content.externalRetriever?.authHeader ?? null,
      changelog: input.changelog, contentHash,
      authorId: principal.kind === "user" ? principal.userId : null, authorLabel: principal.label,
    };
    let created = await insertRetrievalConfigVersion(tx, data);
    if (secret) {
      // bound to the version's id, which exists only now
      const sealed = sealSecret(keyRing(), secret, created.id);
      created = await sealRetrievalConfigVersionSecret(tx, created.id, {
        externalAuthCiphertext: sealed.ciphertext, externalAuthNonce: sealed.nonce, externalAuthKeyId: sealed.keyId, externalAuthHint: secretHint(secret),
      });
    }
    await updateRetrievalConfig(tx, config.id, {});
    await appendAuditEvent(tx, {
      ...auditActor(principal), action: "retrieval_config.version.create", resourceType: "retrievalConfigVersion", resourceId: created.id,
      before: latest ? { version: latest.version, contentHash: latest.contentHash } : null,
      after: { name: config.name, version: created.version, contentHash, changelog: created.changelog, ...auditContent(content), hasAuthSecret: Boolean(secret) },
    });
    return saved(created, false);
  });
}

export async function listRetrievalConfigs(principal: Principal): Promise<TRetrievalConfigSummary[]> {
  assertCan(principal, "registry:read");
  return (await findRetrievalConfigs(principal.projectId)).map(presentConfigSummary);
}

export async function getRetrievalConfig(principal: Principal, name: string): Promise<TRetrievalConfigDetail> {
  assertCan(principal, "registry:read");
  const c = await findRetrievalConfigWithVersions(principal.projectId, name);
  if (!c) throw new AppError("NOT_FOUND", `No retrieval config "${name}" in this project.`);
  return { ...presentConfigSummary(c), versions: c.versions.map(presentConfigVersion) };
}

export async function getRetrievalConfigVersion(principal: Principal, name: string, version: number): Promise<TRetrievalConfigVersion> {
  assertCan(principal, "registry:read");
  return presentConfigVersion(await retrievalConfigVersionRow(principal.projectId, name, version));
}

/** Internal: the stored row (credential still sealed), 404 when missing in this project. */
export async function retrievalConfigVersionRow(projectId: string, name: string, version: number) {
  const row = await findRetrievalConfigVersion(db(), projectId, name, version);
  if (!row) throw new AppError("NOT_FOUND", `Retrieval config "${name}" has no version ${version} in this project.`);
  return row;
}
