// Street addresses in the Latin-script formats of North America, Europe, Latin America and North Africa.
// A "core" is found first — house number + name + street type ("24 Clarke Avenue"), name + house number
// ("Puruntie 82", "Rua do Arenque 1634"), a unit ("Apt. 595"), a post-office or military box, "the corner
// of X and Y" — and is then extended over what follows it on the same and the next lines when those look
// like the rest of an address (city, region, country, postcode), since every part of it identifies a home.
import { execAll } from "./regex";
import { F } from "./features";
import { extendAddress } from "./address-extend";
import { GAP, type Scan, gap, has, isAbbreviation, tokenEndingAt, tokenStartingAt } from "./scan";
import { type Candidate, PRIORITY } from "./spans";
import { STANDALONE_UNIT_WORDS, STRONG_SUFFIXES } from "./lexicon/street-words";

const STREET_WORD = F.suffix | F.prefix | F.ending;
// Capitalised at the start of a sentence, not part of the street name that follows.
const LEADING_FUNCTION_WORDS = new Set("the a an my our your his her their its this that at in on to from".split(" "));
// Phrases after which a place name and a number are taken as an address ("lives on Joaquin Suarez 2906").
const ADDRESS_CUE =
  /(?:address(?:es)?|lives?|living|located|situated|(?:is|are) (?:at|on)|sent|send|ship(?:ped)?|deliver(?:ed)?|mail(?:ed)?|post(?:ed)?|return(?:ed)?|moved|meet (?:me|you|us)|arrived|off|enter|stop|side of|corner of|directions to|way to|office)\b[^.!?\n]{0,24}$/i;

/** Gap inside a core: spaces, or ". " after an abbreviation ("ul. Miła", "u. 15"). */
function innerGap(scan: Scan, i: number): boolean {
  const g = scan.gaps[i];
  if (g === GAP.space) return true;
  return (g === GAP.dot || g === GAP.dotSpace) && isAbbreviation(scan, i - 1);
}

function nameLike(scan: Scan, i: number): boolean {
  const f = scan.feats[i];
  if (f & (F.calendar | F.unit | F.arabic)) return false;
  if (f & (F.cased | F.uncased | F.particle | STREET_WORD)) return true;
  return (f & F.lower) !== 0 && (f & F.common) === 0;
}

function houseNumber(scan: Scan, i: number): boolean {
  const t = scan.tokens[i];
  return t.text.length <= 5 && (t.shape === "num" || (t.shape === "alnum" && /^\d{1,5}[a-zA-Z]$/.test(t.text)));
}

function push(scan: Scan, out: Candidate[], first: number, last: number): void {
  const end = extendAddress(scan, last);
  out.push({ start: scan.tokens[first].start, end: scan.tokens[end].end, type: "STREET_ADDRESS", priority: PRIORITY.address });
}

/** Gap inside a street name: also the hyphen of "Vana-Viru" or "Langeskov-Centret". */
function nameGap(scan: Scan, i: number): boolean {
  return innerGap(scan, i) || scan.gaps[i] === GAP.hyphen;
}

// In lower-cased text a dictionary word may be part of a street name before an unambiguous street
// type: "3911 fourth avenue".
function plainWord(scan: Scan, i: number): boolean {
  return scan.caseless && has(scan, i, F.lower) && !has(scan, i, F.calendar | F.unit);
}

/** "24 Clarke Avenue", "28245 Puruntie 82", "9554 62 Rue Gafsa", "370 3911 Fourth Avenue". */
function numberLed(scan: Scan, i: number, out: Candidate[]): number {
  const n = scan.tokens.length;
  let j = i + 1;
  const twoNumbers = j < n && houseNumber(scan, j) && scan.gaps[j] === GAP.space;
  if (twoNumbers) j++;
  let k = j;
  let nonCommon = 0;
  let plain = 0;
  let lastStreet = -1;
  while (k < n && k - j < 6 && nameGap(scan, k) && (nameLike(scan, k) || (plainWord(scan, k) && plain < 2))) {
    const f = scan.feats[k];
    if (!nameLike(scan, k)) plain++;
    else if (!(f & (F.common | F.particle)) && scan.tokens[k].shape !== "init") nonCommon++;
    if (f & (F.suffix | F.ending) && k > j) lastStreet = k;
    k++;
  }
  // Plain dictionary words are allowed after a street type ("rue du centre 320") or up to an
  // unambiguous one ("fourth avenue").
  if (plain > 0 && !has(scan, j, F.prefix)) {
    if (lastStreet >= 0 && STRONG_SUFFIXES.has(scan.tokens[lastStreet].lower)) {
      if (!(k < n && houseNumber(scan, k) && innerGap(scan, k) && lastStreet === k - 1)) k = lastStreet + 1;
    } else lastStreet = -1;
  }
  if (k === j) return i;
  if (k < n && houseNumber(scan, k) && innerGap(scan, k)) {
    let street = false;
    for (let x = j; x < k; x++) if (scan.feats[x] & STREET_WORD) street = true;
    if (street || nonCommon > 0) {
      push(scan, out, i, k);
      return k;
    }
    return i;
  }
  if (has(scan, j, F.prefix) && k - j >= 2) {
    push(scan, out, i, k - 1);
    return k - 1;
  }
  if (lastStreet > 0 && (nonCommon > 0 || lastStreet - j >= 1)) {
    push(scan, out, i, lastStreet);
    return lastStreet;
  }
  // Building and house number before an unknown name, or any number and name after an address cue:
  // "9816 214 Pavlou Drandaki", "is at 94941 2505 Heatherleigh".
  if (nonCommon > 0 && (twoNumbers || cueBefore(scan, i))) {
    let last = k - 1;
    while (last > j && has(scan, last, F.common)) last--;
    push(scan, out, i, last);
    return last;
  }
  return i;
}

function cueBefore(scan: Scan, i: number): boolean {
  const at = scan.tokens[i].start;
  return ADDRESS_CUE.test(scan.text.slice(Math.max(0, at - 60), at));
}

/** "Villacher Strasse 89", "Kálmán Imre u. 12", and after an address cue "Joaquin Suarez 2906". */
function nameLed(scan: Scan, i: number, out: Candidate[]): number {
  const n = scan.tokens.length;
  let k = i;
  let street = false;
  let nonCommon = 0;
  while (k < n && k - i < 5 && (k === i || nameGap(scan, k)) && nameLike(scan, k)) {
    const f = scan.feats[k];
    if (f & STREET_WORD) street = true;
    if (!(f & (F.common | F.particle))) nonCommon++;
    k++;
  }
  if (k === i || k >= n || !houseNumber(scan, k) || !innerGap(scan, k)) return i;
  if (!street) {
    if (nonCommon === 0) return i;
    if (!cueBefore(scan, i)) return i;
  }
  let first = i;
  while (first < k - 1 && LEADING_FUNCTION_WORDS.has(scan.tokens[first].lower)) first++;
  push(scan, out, first, k);
  return k;
}

/** "Apt. 595", "Suite 501", "apartment #12". */
function unit(scan: Scan, i: number, out: Candidate[]): number {
  const t = scan.tokens[i];
  if (!STANDALONE_UNIT_WORDS.has(t.lower)) return i;
  const k = i + 1;
  if (k >= scan.tokens.length || !/^[ \t]*\.?[ \t]*(?:#|no\.?)?[ \t]*$/i.test(gap(scan, k))) return i;
  const v = scan.tokens[k];
  if (!(v.shape === "num" || (v.shape === "alnum" && v.text.length <= 6))) return i;
  push(scan, out, i, k);
  return k;
}

function fullStreetType(scan: Scan, x: number): boolean {
  return scan.tokens[x].shape === "cap" && /^(?:street|avenue|road|boulevard|lane|drive)$/.test(scan.tokens[x].lower);
}

/** "Marina Fort Street" after "on", "at", "in": a named street without a number. */
function namedStreet(scan: Scan, i: number, out: Candidate[]): number {
  const n = scan.tokens.length;
  if (i === 0 || !/^(?:on|at|in|along|off|near|onto|via|from|to)$/i.test(scan.tokens[i - 1].text)) return i;
  let k = i;
  while (k < n && k - i < 3 && (k === i || scan.gaps[k] === GAP.space) && scan.tokens[k].shape === "cap" && !has(scan, k, F.calendar) && !fullStreetType(scan, k)) k++;
  if (k === i || k >= n || scan.gaps[k] !== GAP.space || !fullStreetType(scan, k)) return i;
  push(scan, out, i, k);
  return k;
}

const BOXES = [
  /\b(?:P\.? ?O\.?|Post Office|Postal|PO) ?Box ?#?\d{1,6}\b|\bPostbox \d{1,6}\b/gi,
  /\b(?:PSC|CMR|Unit) \d{3,5},? Box \d{3,5}\b/gi,
  /\b(?:APO|FPO|DPO) (?:AA|AE|AP) \d{5}\b/gi,
  /\b(?:USNS|USNV|USS|USCGC) [\p{L}\-]{2,21}(?=\s*\n\s*[AFD]PO\b)/giu,
];
const CORNER = /\b(?:the )?corner of\b/gi;

function boxes(scan: Scan, out: Candidate[]): void {
  for (const re of BOXES) {
    for (const m of execAll(re, scan.text)) {
      let first = tokenStartingAt(scan, m.index);
      const last = tokenEndingAt(scan, m.index + m[0].length);
      // a building number written before the box: "0912 P.O. Box 287"
      if (first > 0 && scan.tokens[first - 1].shape === "num" && scan.gaps[first] === GAP.space) first--;
      if (first <= last && last >= 0) push(scan, out, first, last);
    }
  }
}

/** "the corner of 159 Eleftheriou Venizelou str and Rennie Union". */
function corners(scan: Scan, out: Candidate[]): void {
  for (const m of execAll(CORNER, scan.text)) {
    const first = tokenStartingAt(scan, m.index);
    let k = tokenEndingAt(scan, m.index + m[0].length) + 1;
    const n = scan.tokens.length;
    let seen = 0;
    let and = -1;
    let last = -1;
    for (; k < n && seen < 14; k++, seen++) {
      if (scan.gaps[k] !== GAP.space && scan.gaps[k] !== GAP.dotSpace) break;
      const t = scan.tokens[k];
      if (t.lower === "and" && and < 0 && last >= 0) {
        and = k;
        continue;
      }
      if (!(nameLike(scan, k) || has(scan, k, F.unit) || t.shape === "num" || t.shape === "alnum")) break;
      if (has(scan, k, F.common) && !has(scan, k, F.cased | STREET_WORD) && t.shape !== "num") break;
      last = k;
    }
    if (and > 0 && last > and) push(scan, out, first, last);
  }
}

export function findStreetAddresses(scan: Scan, out: Candidate[], boxWords = true): void {
  const n = scan.tokens.length;
  if (boxWords) {
    boxes(scan, out);
    corners(scan, out);
  }
  for (let i = 0; i < n; i++) {
    const f = scan.feats[i];
    let next = i;
    if (f & F.num) next = numberLed(scan, i, out);
    else if (f & F.unit) next = unit(scan, i, out);
    if (next === i && nameLike(scan, i) && !(i > 0 && innerGap(scan, i) && nameLike(scan, i - 1))) {
      next = nameLed(scan, i, out);
      if (next === i) next = namedStreet(scan, i, out);
    }
    // Skip over the core just taken; its extension may reach further, the resolver merges overlaps.
    i = Math.max(i, next);
  }
}
