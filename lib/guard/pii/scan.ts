// One text prepared for the token rules: tokens, their features, and small helpers over gaps.
import { F, tokenFeatures } from "./features";
import { GAP, type Token, tokenize } from "./tokens";

export { GAP };

export interface Scan {
  text: string;
  tokens: Token[];
  feats: number[];
  gaps: number[];
  /** Latin letters all lower case: capitalisation carries no signal in this text. */
  caseless: boolean;
}

export function prepareScan(text: string): Scan {
  const { tokens, gaps, caseless } = tokenize(text);
  return { text, tokens, feats: tokenFeatures(text, tokens), gaps, caseless };
}

export function gap(scan: Scan, i: number): string {
  return i <= 0 ? "" : scan.text.slice(scan.tokens[i - 1].end, scan.tokens[i].start);
}

/** Index of the token ending exactly at `offset`, else of the last token ending before it (or -1). */
export function tokenEndingAt(scan: Scan, offset: number): number {
  let lo = 0;
  let hi = scan.tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (scan.tokens[mid].end <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first token starting at or after `offset` (tokens.length when none). */
export function tokenStartingAt(scan: Scan, offset: number): number {
  let lo = 0;
  let hi = scan.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scan.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const has = (scan: Scan, i: number, flag: number) => i >= 0 && i < scan.tokens.length && (scan.feats[i] & flag) !== 0;

/** A short written abbreviation ("St", "u", "ul", "Λ", "Apt") after which a "." does not end anything. */
export function isAbbreviation(scan: Scan, i: number): boolean {
  const t = scan.tokens[i];
  const f = scan.feats[i];
  if (t.shape === "num" || t.shape === "alnum") return false;
  return (f & (F.suffix | F.prefix | F.unit | F.title)) !== 0 || t.shape === "init" || [...t.text].length <= 2;
}
