import { diffWords, diffWordsWithSpace } from "diff";

// Differences between two prompt versions: messages aligned by position with a word-level diff,
// and every other part of the content (model, parameters, variables) as field-level before → after.

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface MessageDiff {
  index: number;
  status: "added" | "removed" | "changed" | "unchanged";
  roleBefore: string | null;
  roleAfter: string | null;
  parts: DiffPart[];
  /** the texts differ only in spaces or line breaks */
  whitespaceOnly: boolean;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface PromptDiff {
  messages: MessageDiff[];
  fields: FieldChange[];
  identical: boolean;
}

export interface DiffableVersion {
  messages: readonly { role: string; content: string }[];
  variables: readonly { name: string; [k: string]: unknown }[];
  params: Record<string, unknown>;
  modelVersionId?: string | null;
}

export function diffPromptVersions(a: DiffableVersion, b: DiffableVersion): PromptDiff {
  const messages: MessageDiff[] = [];
  for (let i = 0; i < Math.max(a.messages.length, b.messages.length); i++) {
    messages.push(diffMessage(i, a.messages[i], b.messages[i]));
  }
  const fields: FieldChange[] = [];
  const push = (field: string, before: unknown, after: unknown) => {
    if (!deepEqual(before, after)) fields.push({ field, before, after });
  };
  push("model", a.modelVersionId ?? null, b.modelVersionId ?? null);
  for (const k of unionKeys(a.params, b.params)) push(`params.${k}`, a.params[k] ?? null, b.params[k] ?? null);
  const va = new Map(a.variables.map((v) => [v.name, v]));
  const vb = new Map(b.variables.map((v) => [v.name, v]));
  for (const name of [...new Set([...va.keys(), ...vb.keys()])]) push(`variables.${name}`, va.get(name) ?? null, vb.get(name) ?? null);
  return { messages, fields, identical: fields.length === 0 && messages.every((m) => m.status === "unchanged") };
}

function diffMessage(index: number, a?: { role: string; content: string }, b?: { role: string; content: string }): MessageDiff {
  const base = { index, roleBefore: a?.role ?? null, roleAfter: b?.role ?? null, whitespaceOnly: false };
  if (!a) return { ...base, status: "added", parts: [{ value: b!.content, added: true, removed: false }] };
  if (!b) return { ...base, status: "removed", parts: [{ value: a.content, added: false, removed: true }] };
  if (a.content === b.content) {
    return { ...base, status: a.role === b.role ? "unchanged" : "changed", parts: [{ value: a.content, added: false, removed: false }] };
  }
  let parts = clean(diffWords(a.content, b.content));
  let whitespaceOnly = false;
  // diffWords treats runs of whitespace as equal; a line-break-only change must still show
  if (!parts.some((p) => p.added || p.removed)) {
    parts = clean(diffWordsWithSpace(a.content, b.content));
    whitespaceOnly = true;
  }
  return { ...base, status: "changed", parts, whitespaceOnly };
}

const clean = (changes: { value: string; added?: boolean; removed?: boolean }[]): DiffPart[] =>
  changes.map((c) => ({ value: c.value, added: !!c.added, removed: !!c.removed }));

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
