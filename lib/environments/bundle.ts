import { createHash } from "node:crypto";
import type { ReleaseBundleRows } from "./repo";
import type { TResolvedBundle, TResolvedRelease } from "./schemas";

// The resolve API's answer for one release, built once per cache fill: the JSON body and its ETag
// are computed here so a request only picks one of two prepared answers.

type ModelRow = ReleaseBundleRows["fallbacks"][number];

const modelRef = (m: ModelRow) => ({ provider: m.connection.kind, connection: m.connection.name, model: m.providerModelId, modelVersionId: m.id });

/** What an application needs to run the release: prompt templates (compiled by the SDK), the model chain, retrieval. No secrets. */
export function presentBundle(rows: ReleaseBundleRows): TResolvedBundle {
  const { release, fallbacks } = rows;
  const byId = new Map(fallbacks.map((f) => [f.id, f]));
  const prompts: TResolvedBundle["prompts"] = {};
  for (const p of [...release.prompts].sort((a, b) => a.role.localeCompare(b.role))) {
    const v = p.promptVersion;
    prompts[p.role] = {
      name: v.prompt.name, version: v.version,
      messages: v.messages as TResolvedBundle["prompts"][string]["messages"],
      params: (v.params ?? {}) as Record<string, unknown>,
      variables: (v.variables ?? []) as Record<string, unknown>[],
    };
  }
  const r = release.retrievalConfigVersion;
  return {
    release: { id: release.id, version: release.version },
    prompts,
    model: {
      ...modelRef(release.modelVersion),
      params: { contextWindow: release.modelVersion.contextWindow, maxOutputTokens: release.modelVersion.maxOutputTokens },
      // in the release's order; a fallback deleted since is left out rather than failing the hot path
      fallbacks: release.fallbackModelVersionIds.flatMap((id) => (byId.has(id) ? [modelRef(byId.get(id)!)] : [])),
    },
    retrieval: r
      ? {
          name: r.retrievalConfig.name, version: r.version, retrievalConfigVersionId: r.id, embeddingModel: modelRef(r.embeddingModelVersion),
          chunkSize: r.chunkSize, chunkOverlap: r.chunkOverlap, topK: r.topK, minSimilarity: r.minSimilarity, rerank: r.rerank,
          knowledgeBaseId: r.knowledgeBaseId, externalUrl: r.externalUrl,
        }
      : null,
  };
}

export interface PreparedAnswer {
  body: string;
  etag: string;
  releaseId: string;
}

/** The response body and a strong ETag over exactly those bytes (bundle + variant). */
export function prepareAnswer(bundle: TResolvedBundle, variant: "stable" | "canary"): PreparedAnswer {
  const answer: TResolvedRelease = { release: bundle.release, variant, prompts: bundle.prompts, model: bundle.model, retrieval: bundle.retrieval };
  const body = JSON.stringify(answer);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { body, etag, releaseId: bundle.release.id };
}

/** RFC 9110 If-None-Match: a list of entity tags or "*", weak comparison. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const value = ifNoneMatch.trim();
  if (value === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return value.split(",").some((t) => t.trim().replace(/^W\//, "") === bare);
}
