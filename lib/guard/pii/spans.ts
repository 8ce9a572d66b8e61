import type { PiiSpan, PiiType } from "./types";

/** A detector's proposal; the resolver keeps the higher priority where proposals overlap. */
export interface Candidate extends PiiSpan {
  priority: number;
}

// Checksummed and well-delimited identifiers win over the heuristic types, so that a card number inside
// an over-long address guess is still typed as a card, and a phone number is never cut by a name.
export const PRIORITY = {
  checksum: 90,
  email: 85,
  ip: 80,
  license: 75, // taken only after "driver's licence", so it wins over a phone-shaped "2270-66-1551"
  phoneStrong: 70,
  address: 60,
  phoneWeak: 50,
  nationalIdBare: 45,
  person: 40,
} as const;

const ALNUM = /[\p{L}\p{N}]/u;
const EDGE_TRIM = /[\s,;:.()\-]/;

/** Non-overlapping, sorted spans: each candidate keeps only the parts no higher-priority one claimed. */
export function resolveCandidates(text: string, candidates: Candidate[]): PiiSpan[] {
  if (candidates.length === 0) return [];
  if (disjoint(candidates)) {
    const spans = candidates.map(({ start, end, type }) => ({ start, end, type }));
    return mergeAdjacent(text, spans);
  }
  const ordered = candidates
    .filter((c) => c.end > c.start)
    .sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: PiiSpan[] = [];
  if (ordered.length <= 32) {
    // Few candidates (the usual case): subtract each accepted span from the later ones directly.
    const accepted: Candidate[] = [];
    for (const c of ordered) {
      let pieces: Array<[number, number]> = [[c.start, c.end]];
      for (const a of accepted) {
        if (a.end <= c.start || a.start >= c.end) continue;
        const next: Array<[number, number]> = [];
        for (const [s, e] of pieces) {
          if (a.end <= s || a.start >= e) next.push([s, e]);
          else {
            if (a.start > s) next.push([s, a.start]);
            if (a.end < e) next.push([a.end, e]);
          }
        }
        pieces = next;
      }
      for (const [s, e] of pieces) addPiece(text, c, s, e, taken);
      accepted.push(c);
    }
  } else {
    // Many candidates (a large text): mark claimed characters, linear in the candidates' total length
    // where the pairwise subtraction would be quadratic in their number.
    const claimed = new Uint8Array(text.length);
    for (const c of ordered) {
      let s = c.start;
      while (s < c.end) {
        while (s < c.end && claimed[s]) s++;
        let e = s;
        while (e < c.end && !claimed[e]) e++;
        if (e > s) addPiece(text, c, s, e, taken);
        s = e;
      }
      claimed.fill(1, c.start, c.end);
    }
  }
  taken.sort((a, b) => a.start - b.start);
  return mergeAdjacent(text, taken);
}

/** Sorts by start and reports whether no two candidates overlap (the common case: nothing to resolve). */
function disjoint(candidates: Candidate[]): boolean {
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < candidates.length; i++) if (candidates[i].start < candidates[i - 1].end) return false;
  return candidates.every((c) => c.end > c.start);
}

function addPiece(text: string, c: Candidate, s: number, e: number, taken: PiiSpan[]): void {
  if (s !== c.start || e !== c.end) {
    while (s < e && EDGE_TRIM.test(text[s])) s++;
    while (e > s && EDGE_TRIM.test(text[e - 1])) e--;
  }
  if (e > s && ALNUM.test(text.slice(s, e))) taken.push({ start: s, end: e, type: c.type });
}

// One placeholder for one value: "28245 Puruntie 82" and "Apt. 595" found by different rules, or a first
// name and a surname found separately, become one span when only spacing separates them.
function mergeAdjacent(text: string, spans: PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.type === s.type && joinable(s.type, text.slice(last.end, s.start))) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

function joinable(type: PiiType, gap: string): boolean {
  if (gap.length > 8) return false;
  if (type === "STREET_ADDRESS") return /^[\s,]*$/.test(gap);
  if (type === "PERSON") return /^[ \t]*$/.test(gap);
  return false;
}
