import type { z } from "zod";
import { contentHash } from "../audit/chain";
import type { DatasetItem, ItemWithoutKey, ZDatasetItemInput } from "./schemas";

// One stored form per item, so equal content hashes equally whichever way it arrived (API, JSONL, CSV).

type ParsedItem = z.output<typeof ZDatasetItemInput>;

export function normalizeItem(p: ParsedItem): { key?: string } & ItemWithoutKey {
  const chunks = p.contextChunks?.length
    ? p.contextChunks.map((c) => ({ text: c.text, ...(c.docId ? { docId: c.docId } : {}), ...(c.lastUpdated ? { lastUpdated: c.lastUpdated } : {}) }))
    : null;
  return {
    ...(p.key ? { key: p.key } : {}),
    inputs: p.inputs,
    contextChunks: chunks,
    reference: p.reference ? p.reference : null,
    relevantDocIds: [...new Set(p.relevantDocIds)],
    tags: [...new Set(p.tags)].sort(),
    language: p.language,
    split: p.split,
  };
}

/** A key derived from the content, so importing the same keyless file again yields the same keys. */
export function generatedKey(item: ItemWithoutKey): string {
  return `item-${contentHash(item).slice(0, 12)}`;
}

/** Fills missing keys; a generated key that is taken gets a numeric suffix (two identical items). */
export function assignKey(item: { key?: string } & ItemWithoutKey, taken: Set<string>): DatasetItem {
  if (item.key) return item as DatasetItem;
  const base = generatedKey(item);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return { ...item, key };
}

/**
 * SHA-256 of the canonical items sorted by key: order is presentation, not content. Changelog, author
 * and time are not content either, so re-importing the same items creates no version.
 */
export function datasetContentHash(items: DatasetItem[]): string {
  const sorted = [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return contentHash(sorted.map(canonicalItem));
}

export function canonicalItem(i: DatasetItem): DatasetItem {
  return {
    key: i.key, inputs: i.inputs, contextChunks: i.contextChunks, reference: i.reference, relevantDocIds: i.relevantDocIds,
    tags: i.tags, language: i.language, split: i.split,
  };
}
