import type { PinnedModelRow, ReleaseDetailRow, ReleaseRow } from "./repo";
import type { TReleaseDetail, TReleaseRow } from "./schemas";
import type { GateResult } from "./types";

// Release rows as the API and the console show them.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function pinnedModel(m: PinnedModelRow) {
  return { id: m.id, displayName: m.displayName, providerModelId: m.providerModelId, region: m.region, floating: m.floating, deprecatesAt: iso(m.deprecatesAt) };
}

/** `models`: the fallbacks' rows by id (loaded in one query for a whole list). */
export function presentRelease(r: ReleaseRow, models: Map<string, PinnedModelRow>): TReleaseRow {
  return {
    id: r.id,
    version: r.version,
    notes: r.notes,
    state: r.state,
    contentHash: r.contentHash,
    prompts: Object.fromEntries(r.prompts.map((p) => [p.role, { promptVersionId: p.promptVersionId, name: p.promptVersion.prompt.name, version: p.promptVersion.version }])),
    model: pinnedModel(r.modelVersion),
    fallbacks: r.fallbackModelVersionIds.flatMap((id) => (models.has(id) ? [pinnedModel(models.get(id)!)] : [])),
    retrieval: r.retrievalConfigVersion
      ? { id: r.retrievalConfigVersion.id, config: r.retrievalConfigVersion.retrievalConfig.name, version: r.retrievalConfigVersion.version }
      : null,
    authorId: r.authorId,
    authorLabel: r.authorLabel,
    submittedAt: iso(r.submittedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentReleaseDetail(r: ReleaseDetailRow, models: Map<string, PinnedModelRow>): TReleaseDetail {
  return {
    ...presentRelease(r, models),
    approvals: r.approvals.map((a) => ({
      id: a.id, kind: a.kind, decision: a.decision, userId: a.userId, userLabel: a.userLabel, contentHash: a.contentHash,
      current: a.contentHash === r.contentHash, comment: a.comment,
      scenarios: (a.scenarios as TReleaseDetail["approvals"][number]["scenarios"]) ?? null,
      createdAt: a.createdAt.toISOString(),
    })),
    transitions: r.transitions.map((t) => ({
      id: t.id, fromState: t.fromState, toState: t.toState, actorType: t.actorType, actorLabel: t.actorLabel, reason: t.reason,
      gateResult: (t.gateResult as GateResult | null) ?? null, createdAt: t.createdAt.toISOString(),
    })),
  };
}
