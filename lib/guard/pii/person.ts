// English (and other Latin-script) person names. A run of capitalised words is a name when it holds a
// known given or family name, a middle initial, follows a title ("Mrs. Lennox"), or is made of words no
// dictionary knows (foreign names: "Szabina J Gelencsér"); it is not when it is made of dictionary words
// ("Entertainment Weekly"), names an organisation ("Rapid Cycle Solutions") or a country or language.
// Dictionary words that are also names ("Frank", "Will") need a cue: "named him Frank", a surname, a list.
import { F } from "./features";
import { GAP, type Scan, gap, has } from "./scan";
import { type Candidate, PRIORITY } from "./spans";

// Words that announce a name: whatever capitalised word follows is the name ("her maiden name is Key").
const NAME_CUE = /(?:\bname is|\bname was|\bname'?s|\bname\s*[:?]|\bnamed(?: (?:him|her|it|them))?|\bcalled|\bcall me|\bdear)[ \t,.:]*$/i;
// Words after which a given name that is also a dictionary word is taken as a name ("Hi Will").
const WEAK_CUE = /(?:\bi am|\bi'm|\bthis is|\bhi|\bhello|\bhey|\bthanks|\bthank you|\bsincerely|\bregards|\bsigned|\bwith|\bme|\bby|\bto)[ \t,.:]*$/i;
const GENERATION = /^(?:ii|iii|iv|jr|sr|md|phd|dds|esq)$/;
// Internal capitals mark product and code names (GitHub, iPhone), except in surnames like McDowell.
const CAPITALISED_PREFIX = /^(?:Mc|Mac|De|Di|Da|La|Le|Van|O)\p{Lu}/u;

// Token kinds, as small numbers because they are computed for every token of every text.
const NONE = 0;
const STRONG = 1; // a known name that is not a dictionary word, or a word no dictionary knows
const WEAK = 2; // a name that is also a dictionary word (Frank, Will, Young)
const INIT = 3;
const PARTICLE = 4;
type Kind = number;

function kindOf(scan: Scan, k: number): Kind {
  const t = scan.tokens[k];
  const f = scan.feats[k];
  // The pronoun "I" is an initial only when written like one ("Hanne I. Kreutzmann").
  if (t.shape === "init") return t.text === "I" && !(f & F.dotAfter) ? NONE : INIT;
  if (f & F.particle && t.shape === "lower") return PARTICLE;
  if (f & (F.org | F.title)) return NONE;
  // Months and days that are also names ("April", "June", "Jan") need more evidence.
  if (f & F.calendar) return f & F.first && t.shape === "cap" ? WEAK : NONE;
  if (t.shape === "upper") return f & (F.first | F.last) && !(f & F.common) ? STRONG : NONE;
  if (t.shape !== "cap") return NONE;
  if (t.capitals > 1 && !(t.capitals === 2 && CAPITALISED_PREFIX.test(t.text))) return NONE;
  if (f & F.place) return NONE;
  if (!(f & F.common)) return STRONG;
  return f & (F.first | F.last) ? WEAK : NONE;
}

function innerGap(scan: Scan, k: number): boolean {
  const g = scan.gaps[k];
  if (g === GAP.space || g === GAP.hyphen || g === GAP.apostrophe) return true;
  return g === GAP.dotSpace && scan.tokens[k - 1].shape === "init";
}

// Not part of a path, identifier or handle: "config.Server", "@Laura", "/home/Alice".
function standsAlone(scan: Scan, a: number, b: number): boolean {
  const before = scan.text.charCodeAt(scan.tokens[a].start - 1);
  if (before === 46 || before === 95 || before === 47 || before === 64 || before === 92 || before === 35 || before === 36) return false;
  const after = scan.text.charCodeAt(scan.tokens[b].end);
  if (after === 95 || after === 47 || after === 64 || after === 92) return false;
  if (after === 46) {
    const next = scan.text.charCodeAt(scan.tokens[b].end + 1);
    return !((next >= 65 && next <= 90) || (next >= 97 && next <= 122));
  }
  return true;
}

function titleBefore(scan: Scan, a: number): boolean {
  return a > 0 && has(scan, a - 1, F.title) && /^\.?[ \t]{1,3}$/.test(gap(scan, a));
}

interface Chunk {
  a: number;
  b: number;
  accepted: boolean;
  /** Not a name on its own evidence, but one when listed beside names. */
  listable: boolean;
}

// A dictionary word after a given name, a middle initial or a particle is the surname: "Harvey Leach",
// "Brad L Key", "Willemine ten Pas".
function keepsSurname(scan: Scan, k: number, kinds: number[]): boolean {
  return (
    scan.tokens[k].shape === "cap" &&
    kinds[k] === NONE &&
    !has(scan, k, F.org | F.place | F.calendar | F.title) &&
    (kinds[k - 1] === INIT || kinds[k - 1] === PARTICLE || (has(scan, k - 1, F.first) && kinds[k - 1] !== NONE))
  );
}

function textBefore(scan: Scan, a: number, length = 24): string {
  return scan.text.slice(Math.max(0, scan.tokens[a].start - length), scan.tokens[a].start);
}

// "Heather: I'm Daniel's daughter" (a speaker at the start of a line), "Don't go to town, Mark!" (a
// name called out at the end of a sentence).
function speakerOrVocative(scan: Scan, a: number, b: number): boolean {
  const after = scan.text.slice(scan.tokens[b].end, scan.tokens[b].end + 2);
  if (after.startsWith(":") && (a === 0 || /\n[\s>]*$/.test(textBefore(scan, a, 8)))) return true;
  return /,[ \t]*$/.test(textBefore(scan, a, 4)) && /^(?:[!?.]|$)/.test(after);
}

const DETERMINERS = new Set("the a an this that these those my your our their his its all any some every each".split(" "));

// An unknown capitalised word opening a sentence and followed by a determiner is an imperative verb the
// dictionary lacks ("Deploy the service"), not a name ("Shovda is very reliable").
function imperative(scan: Scan, a: number): boolean {
  if (a + 1 >= scan.tokens.length || !DETERMINERS.has(scan.tokens[a + 1].lower) || scan.gaps[a + 1] !== GAP.space) return false;
  return a === 0 || /(?:[.!?]\s+|\n\s*)$/.test(textBefore(scan, a, 4));
}

function evaluate(scan: Scan, a: number, b: number, kinds: number[]): Chunk | null {
  let cued = titleBefore(scan, a) || NAME_CUE.test(textBefore(scan, a));
  if (!cued) {
    // Leading dictionary words are not part of the name ("Producer James Sparks", "Hi Freddy").
    while (a <= b && (kinds[a] === NONE || kinds[a] === PARTICLE || kinds[a] === INIT)) {
      if (kinds[a] === INIT && a < b && kinds[a + 1] !== NONE) break; // "J. Smith"
      a++;
    }
    if (a <= b && NAME_CUE.test(textBefore(scan, a))) cued = kinds[a] !== NONE; // "Dear Will"
    while (b >= a && (kinds[b] === NONE || kinds[b] === PARTICLE || kinds[b] === INIT)) {
      if (b > a && (GENERATION.test(scan.tokens[b].lower) || keepsSurname(scan, b, kinds))) break;
      b--;
    }
  }
  if (a > b) return null;
  let strong = 0;
  let weak = 0;
  let initials = 0;
  for (let k = a; k <= b; k++) {
    if (has(scan, k, F.org)) return null;
    if (kinds[k] === STRONG) strong++;
    else if (kinds[k] === WEAK) weak++;
    else if (kinds[k] === INIT) initials++;
  }
  if (strong + weak === 0) {
    // After a cue any capitalised word is the name ("Mr. Manning", "name is Key"); otherwise a single
    // capitalised word may still be one when listed with names ("Monjeau, Graves and Reed").
    if (cued && scan.tokens[a].shape === "cap") return { a, b, accepted: true, listable: false };
    const single = a === b && scan.tokens[a].shape === "cap" && !has(scan, a, F.place | F.calendar | F.title | F.suffix);
    return single ? { a, b, accepted: false, listable: true } : null;
  }
  if (a === b && strong === 1 && !has(scan, a, F.first | F.last) && imperative(scan, a)) return null;
  const accepted = strong > 0 || initials > 0 || cued || WEAK_CUE.test(textBefore(scan, a)) || speakerOrVocative(scan, a, b);
  return { a, b, accepted, listable: !accepted };
}

// "Willemine ten Pas", "Maika van de Noort": up to two particles, then a capitalised word.
function particlesThenName(scan: Scan, k: number, kinds: number[]): boolean {
  for (let x = k; x < k + 3 && x < scan.tokens.length; x++) {
    if (!innerGap(scan, x)) return false;
    if (kinds[x] !== PARTICLE) return scan.tokens[x].shape === "cap";
  }
  return false;
}

function listedWith(scan: Scan, left: Chunk | undefined, right: Chunk | undefined): boolean {
  if (!left || !right || !(left.accepted || right.accepted)) return false;
  const between = scan.text.slice(scan.tokens[left.b].end, scan.tokens[right.a].start);
  return /^(?:,\s*|\s+and\s+|,\s*and\s+|\s*&\s*)$/.test(between);
}

function casedChunks(scan: Scan, out: Candidate[]): void {
  const n = scan.tokens.length;
  const kinds: number[] = new Array(n);
  for (let k = 0; k < n; k++) kinds[k] = kindOf(scan, k);
  const chunks: Chunk[] = [];
  for (let i = 0; i < n; i++) {
    if (kinds[i] === NONE && !has(scan, i, F.cased)) continue;
    if (scan.tokens[i].shape !== "cap" && scan.tokens[i].shape !== "init" && kinds[i] !== STRONG) continue;
    let b = i;
    while (b + 1 < n && b - i < 6 && innerGap(scan, b + 1)) {
      const next = kinds[b + 1];
      const t = scan.tokens[b + 1];
      if (scan.gaps[b + 1] === GAP.hyphen && t.shape === "lower") {
        kinds[b + 1] = kinds[b]; // the second part of a hyphenated name: "Hauta-aho"
        b++;
      } else if (next === STRONG || next === WEAK || next === INIT) b++;
      else if (next === PARTICLE && particlesThenName(scan, b + 1, kinds)) b++;
      else if (t.shape === "cap" || (t.shape === "upper" && GENERATION.test(t.lower))) b++;
      else break;
    }
    if (standsAlone(scan, i, b)) {
      const chunk = evaluate(scan, i, b, kinds);
      if (chunk) chunks.push(chunk);
    }
    i = b;
  }
  // Dictionary-word names listed beside accepted ones are names too ("Park and Mann", "Gary, Todd").
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < chunks.length; c++) {
      if (chunks[c].accepted || !chunks[c].listable) continue;
      if (listedWith(scan, chunks[c - 1], chunks[c]) || listedWith(scan, chunks[c], chunks[c + 1])) chunks[c].accepted = true;
    }
  }
  for (const c of chunks) {
    if (c.accepted) out.push({ start: scan.tokens[c.a].start, end: scan.tokens[c.b].end, type: "PERSON", priority: PRIORITY.person });
  }
}

// Lower-case text: only given names from the list (not dictionary words) start a name, followed by an
// initial and a surname-like word ("eric g. samoylova", "naomi ryan"); or any non-dictionary word after a
// name cue ("her maiden name is nyberg").
function lowerNameWord(scan: Scan, k: number): boolean {
  return scan.tokens[k].shape === "lower" && !has(scan, k, F.common | F.particle);
}

// A line of its own holding one to three unknown words at the top of a text or of a block: the name
// in a signature or address label ("guðgeir bergsveinsson", "leidy t muris").
function headerLine(scan: Scan, i: number): number {
  const n = scan.tokens.length;
  if (i > 0 && !/\n[\s>?|*]*$/.test(gap(scan, i))) return -1;
  let b = i;
  while (b + 1 < n && b - i < 2 && !gap(scan, b + 1).includes("\n")) b++;
  if (b + 1 < n && !gap(scan, b + 1).includes("\n")) return -1;
  if (b === i) return -1;
  for (let k = i; k <= b; k++) {
    const t = scan.tokens[k];
    if (t.shape !== "lower") return -1;
    if (has(scan, k, F.common | F.place) && !(k > i && k < b && t.text.length === 1)) return -1;
  }
  return b;
}

function caselessChunks(scan: Scan, out: Candidate[]): void {
  const n = scan.tokens.length;
  for (let i = 0; i < n; i++) {
    const t = scan.tokens[i];
    if (t.shape !== "lower") continue;
    const header = headerLine(scan, i);
    if (header >= 0) {
      out.push({ start: t.start, end: scan.tokens[header].end, type: "PERSON", priority: PRIORITY.person });
      i = header;
      continue;
    }
    const startsName = has(scan, i, F.first) && !has(scan, i, F.common) && t.text.length >= 3;
    const cued = lowerNameWord(scan, i) && (NAME_CUE.test(textBefore(scan, i)) || titleBefore(scan, i));
    if (!startsName && !cued) continue;
    let b = i;
    while (b + 1 < n && b - i < 3 && /^\.?[ \t]{1,2}$/.test(gap(scan, b + 1))) {
      const next = scan.tokens[b + 1];
      // a middle initial: "eric g. samoylova", and "benjamin a seiler" when a surname follows
      if (next.text.length === 1 && b + 2 < n && lowerNameWord(scan, b + 2) && (next.text !== "a" || has(scan, b + 2, F.last))) b += 2;
      else if (lowerNameWord(scan, b + 1) && (has(scan, b + 1, F.last | F.first) || !has(scan, b + 1, F.place))) b++;
      else break;
    }
    out.push({ start: t.start, end: scan.tokens[b].end, type: "PERSON", priority: PRIORITY.person });
    i = b;
  }
}

export function findPersons(scan: Scan, out: Candidate[]): void {
  if (scan.caseless) caselessChunks(scan, out);
  else casedChunks(scan, out);
}
