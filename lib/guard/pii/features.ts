// Per-token facts computed once per text and shared by the address and name rules.
import { COMMON_WORDS, FIRST_NAMES, LAST_NAMES, ORG_WORDS, PLACE_WORDS, TITLES } from "./lexicon";
import { PARTICLES } from "./lexicon/words";
import { STREET_ENDINGS, STREET_PREFIXES, STREET_SUFFIXES, UNIT_WORDS } from "./lexicon/street-words";
import { type Token, wordHash } from "./tokens";

export const F = {
  num: 1 << 0, // digits, at most 6 (house numbers, zip codes)
  cased: 1 << 1, // Capitalised, ALL CAPS or an initial
  lower: 1 << 2,
  uncased: 1 << 3, // no letter case (Arabic, CJK)
  common: 1 << 4, // an ordinary English word, country or language name
  suffix: 1 << 5, // street type after the name (Street, Ave)
  prefix: 1 << 6, // street type before the name (Rua, Via, ul.)
  ending: 1 << 7, // one-word street name (Kiannonkatu, Søndergade)
  unit: 1 << 8, // Apt, Suite, Unit
  particle: 1 << 9, // van, de, al
  first: 1 << 10, // a given name
  last: 1 << 11, // a family name
  place: 1 << 12, // a country or language name
  title: 1 << 13, // Mr, Dr
  org: 1 << 14, // Inc, Ltd, Bank
  calendar: 1 << 15, // months and days
  arabic: 1 << 16,
  dotAfter: 1 << 17, // immediately followed by "."
  colonAfter: 1 << 18, // immediately followed by ":" (a label such as "Phone:")
  digits: 1 << 19, // contains a digit
  boxCue: 1 << 20, // words of post-office and military addresses, "corner"
  licenseCue: 1 << 21, // words that name a driver's licence
} as const;

// Street endings grouped by their last two letters: most words are rejected by one lookup.
const ENDINGS_BY_TAIL = new Map<string, string[]>();
for (const e of STREET_ENDINGS) {
  const tail = e.slice(-2);
  ENDINGS_BY_TAIL.set(tail, [...(ENDINGS_BY_TAIL.get(tail) ?? []), e]);
}
const CALENDAR = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split(" "),
);
const ARABIC = /[\u0600-\u06FF]/;

// Word hash -> all the word's lexicon flags, in an open-addressing table of two flat arrays: one probe
// of contiguous memory per token, where a Map lookup was the largest single cost of the scrubber.
const TABLE_BITS = 17; // 131,072 slots for ~40,000 words: short probe sequences
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const tableKeys = new Int32Array(1 << TABLE_BITS); // hash + 1; 0 marks an empty slot
const tableFlags = new Int32Array(1 << TABLE_BITS);

function lookupFlags(hash: number): number {
  for (let slot = hash & TABLE_MASK; ; slot = (slot + 1) & TABLE_MASK) {
    const key = tableKeys[slot];
    if (key === 0) return 0;
    if (key === hash + 1) return tableFlags[slot];
  }
}

function flagAll(words: Iterable<string>, flag: number): void {
  for (const w of words) {
    const hash = wordHash(w);
    let slot = hash & TABLE_MASK;
    while (tableKeys[slot] !== 0 && tableKeys[slot] !== hash + 1) slot = (slot + 1) & TABLE_MASK;
    tableKeys[slot] = hash + 1;
    tableFlags[slot] |= flag;
  }
}
flagAll(COMMON_WORDS, F.common);
flagAll(STREET_SUFFIXES, F.suffix);
flagAll(STREET_PREFIXES, F.prefix);
flagAll(UNIT_WORDS, F.unit);
flagAll(STREET_ENDINGS, F.ending); // the ending written as its own word: "Årpád fejedelem útja 3"
flagAll(PARTICLES, F.particle);
flagAll(FIRST_NAMES, F.first);
flagAll(LAST_NAMES, F.last);
flagAll(PLACE_WORDS, F.place);
flagAll(TITLES, F.title);
flagAll(ORG_WORDS, F.org);
flagAll(CALENDAR, F.calendar);
flagAll("box postbox apo fpo dpo psc cmr usns usnv uss uscgc corner ب".split(" "), F.boxCue);
flagAll(["license", "licence", "dl", "driver", "driving", "رخصة"], F.licenseCue);

function hasStreetEnding(lower: string): boolean {
  const candidates = ENDINGS_BY_TAIL.get(lower.slice(-2));
  if (!candidates) return false;
  // The stem must be a name of its own: "Puruntie" is a street, "tie" is not.
  for (const e of candidates) if (lower.length >= e.length + 3 && lower.endsWith(e)) return true;
  return false;
}

// A plain array: allocating a typed array per text costs more than filling it.
export function tokenFeatures(text: string, tokens: Token[]): number[] {
  const out: number[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const w = t.lower;
    let f = 0;
    if (t.shape === "num") {
      f |= F.digits;
      if (t.text.length <= 6) f |= F.num;
    } else if (t.shape === "alnum") f |= F.digits;
    else if (t.shape === "cap" || t.shape === "upper" || t.shape === "init") f |= F.cased;
    else if (t.shape === "lower") f |= F.lower;
    else if (t.shape === "uncased") f |= ARABIC.test(t.text) ? F.uncased | F.arabic : F.uncased;
    if (t.shape !== "num" && t.shape !== "alnum") {
      f |= lookupFlags(t.hash);
      if (w.length >= 6 && !(f & (F.common | F.uncased)) && hasStreetEnding(w)) f |= F.ending;
    }
    const next = text.charCodeAt(t.end);
    if (next === 46) f |= F.dotAfter;
    else if (next === 58) f |= F.colonAfter;
    out[i] = f;
  }
  return out;
}
