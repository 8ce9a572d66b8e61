import type { DatasetItem, TContextChunk, TDatasetSummary, TDatasetVersion } from "./schemas";

// Rows → API shapes. Stored JSON columns were validated by the item schema when written.

export function presentVersion(v: { id: string; version: number; itemCount: number; contentHash: string; changelog: string; authorLabel: string; createdAt: Date }): TDatasetVersion {
  return { id: v.id, version: v.version, itemCount: v.itemCount, contentHash: v.contentHash, changelog: v.changelog, author: v.authorLabel, createdAt: v.createdAt.toISOString() };
}

export function presentSummary(d: {
  id: string; name: string; description: string | null; tags: string[]; createdAt: Date; updatedAt: Date;
  versions: { version: number; itemCount: number }[];
}): TDatasetSummary {
  const latest = d.versions[0];
  return {
    id: d.id, name: d.name, description: d.description, tags: d.tags, latestVersion: latest?.version ?? null, itemCount: latest?.itemCount ?? 0,
    createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(),
  };
}

export function itemOf(row: {
  key: string; inputs: unknown; contextChunks: unknown; reference: string | null; relevantDocIds: string[]; tags: string[]; language: string; split: string;
}): DatasetItem {
  return {
    key: row.key, inputs: row.inputs as Record<string, unknown>, contextChunks: (row.contextChunks ?? null) as TContextChunk[] | null,
    reference: row.reference, relevantDocIds: row.relevantDocIds, tags: row.tags, language: row.language, split: row.split,
  };
}
