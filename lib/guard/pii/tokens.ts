// Word tokens with the few features the address and name rules look at. One pass over the characters
// classifies them, hashes each word for the lexicon look-up and notes what separates it from the one
// before; the rules then walk the token array, which keeps them linear however long the input is.

export type Shape =
  | "num" // digits only (ASCII or Arabic-Indic)
  | "alnum" // letters and digits mixed (F162823540116, 12B)
  | "cap" // Capitalised (Smith, Ávalos, McDowell)
  | "upper" // ALL CAPS, two letters or more (LONDON, SK)
  | "init" // one capital letter (the J in "Szabina J Gelencsér")
  | "lower" // lower case
  | "uncased"; // scripts without case (Arabic, CJK)

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text (the same string when the token has no capitals). */
  lower: string;
  shape: Shape;
  /** Upper-case letters in the token (internal capitals: "McDowell" 2, "GitHub" 2). */
  capitals: number;
  /** Hash of the lower-cased text (see wordHash): lexicon look-ups by number, not by string. */
  hash: number;
}

/** What separates a token from the one before it. */
export const GAP = { other: 0, space: 1, dot: 2, dotSpace: 3, hyphen: 4, apostrophe: 5 } as const;

export interface Tokens {
  tokens: Token[];
  /** GAP kind before each token (GAP.other for the first). */
  gaps: number[];
  /** Latin-script letters all lower case: capitalisation carries no signal in this text. */
  caseless: boolean;
}

// Character classes: ASCII decided by code; other code points once, then cached.
const SEPARATOR = 0;
const DIGIT = 1;
const UPPER = 2;
const LOWER = 3;
const OTHER = 4; // letters of uncased scripts, combining marks
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const classCache = new Map<number, number>();
const lowerCache = new Map<number, number>();
// Bounded: a hostile text cycling through every code point must not grow the caches without limit.
const CACHE_LIMIT = 65536;

function classifyNonAscii(code: number): number {
  let kind = classCache.get(code);
  if (kind !== undefined) return kind;
  const ch = String.fromCodePoint(code);
  if (!WORD_CHAR.test(ch)) kind = SEPARATOR;
  else if ((code >= 0x660 && code <= 0x669) || (code >= 0x6f0 && code <= 0x6f9)) kind = DIGIT;
  else if (ch.toLowerCase() !== ch) kind = UPPER;
  else if (ch.toUpperCase() !== ch) kind = LOWER;
  else kind = OTHER;
  if (classCache.size < CACHE_LIMIT) classCache.set(code, kind);
  return kind;
}

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] = c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : c >= 48 && c <= 57 ? DIGIT : SEPARATOR;
}

function lowerCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let lower = lowerCache.get(code);
  if (lower === undefined) {
    lower = String.fromCodePoint(code).toLowerCase().codePointAt(0) as number;
    if (lowerCache.size < CACHE_LIMIT) lowerCache.set(code, lower);
  }
  return lower;
}

// FNV-1a over lower-cased code points. Looking words up by a number computed during tokenisation avoids
// hashing a fresh string per token (the scrubber's largest cost). Kept to 30 bits, a small integer V8
// stores unboxed; a collision (~1 in 20,000 per word against the ~40,000 lexicon words)
// at worst gives a word the lexicon flags of another.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

export function wordHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    const code = word.codePointAt(i) as number;
    if (code > 0xffff) i++;
    h = Math.imul(h ^ lowerCode(code), FNV_PRIME);
  }
  return h & 0x3fffffff;
}

function gapKind(text: string, s: number, e: number): number {
  if (e - s > 4) return GAP.other;
  const c = text.charCodeAt(s);
  if (e - s === 1) {
    if (c === 32 || c === 9) return GAP.space;
    if (c === 46) return GAP.dot;
    if (c === 45) return GAP.hyphen;
    if (c === 39 || c === 0x2019) return GAP.apostrophe;
    return GAP.other;
  }
  for (let k = c === 46 ? s + 1 : s; k < e; k++) {
    const d = text.charCodeAt(k);
    if (d !== 32 && d !== 9) return GAP.other;
  }
  return c === 46 ? GAP.dotSpace : GAP.space;
}

export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  const gaps: number[] = [];
  let cased = false;
  let lowerWords = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      code = text.codePointAt(i) as number;
      width = code > 0xffff ? 2 : 1;
    }
    let kind = code < 128 ? ASCII_CLASS[code] : classifyNonAscii(code);
    if (kind === SEPARATOR) {
      i += width;
      continue;
    }
    const start = i;
    let digits = 0;
    let upper = 0;
    let lower = 0;
    let other = 0;
    const firstUpper = kind === UPPER;
    let h = FNV_OFFSET;
    for (;;) {
      if (kind === LOWER) lower++;
      else if (kind === UPPER) {
        upper++;
        code = lowerCode(code);
      } else if (kind === DIGIT) digits++;
      else other++;
      h = Math.imul(h ^ code, FNV_PRIME);
      i += width;
      if (i >= n) break;
      code = text.charCodeAt(i);
      width = 1;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
        code = text.codePointAt(i) as number;
        width = code > 0xffff ? 2 : 1;
      }
      kind = code < 128 ? ASCII_CLASS[code] : classifyNonAscii(code);
      if (kind === SEPARATOR) break;
    }
    let shape: Shape;
    if (digits > 0) shape = upper + lower + other === 0 ? "num" : "alnum";
    else if (upper + lower === 0) shape = "uncased";
    else if (lower === 0) shape = upper === 1 && other === 0 ? "init" : "upper";
    else if (upper === 0) shape = "lower";
    else shape = firstUpper ? "cap" : "lower";
    if (upper > 0 && digits === 0) cased = true;
    else if (shape === "lower") lowerWords++;
    gaps.push(tokens.length === 0 ? GAP.other : gapKind(text, tokens[tokens.length - 1].end, start));
    const value = text.slice(start, i);
    tokens.push({ start, end: i, text: value, lower: upper > 0 ? value.toLowerCase() : value, shape, capitals: upper, hash: h & 0x3fffffff });
  }
  return { tokens, gaps, caseless: !cased && lowerWords > 0 };
}
