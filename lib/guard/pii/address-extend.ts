// Growing an address core over the rest of the address: "Apt. 595", ", Mora de Rubielos, Spain 16200",
// or following lines such as "LAPPEENRANTA", ", CO", "Uruguay 64677". Growth stops at what reads as prose
// (a lower-case dictionary word, a sentence end, a "Label:"), at a phone-like line, or after a few lines.
import { F } from "./features";
import { type Scan, gap, has, isAbbreviation } from "./scan";

const MAX_LINES = 4;
const MAX_TOKENS = 24;
const MAX_LINE_TOKENS = 7;

function addressWord(scan: Scan, k: number): boolean {
  const f = scan.feats[k];
  const t = scan.tokens[k];
  if (f & (F.colonAfter | F.title | F.arabic)) return false;
  if (t.shape === "num") return t.text.length <= 6;
  if (t.shape === "alnum") return t.text.length <= 8;
  if (f & (F.cased | F.uncased | F.particle | F.place)) return true;
  return (f & F.lower) !== 0 && (f & F.common) === 0;
}

// A capitalised dictionary word continues an address only beside another place-like word: "South
// Africa", "Colorado Springs", "United Kingdom 75419" but not "… Avenue. It was".
function placeLike(scan: Scan, k: number): boolean {
  const f = scan.feats[k];
  const shape = scan.tokens[k].shape;
  // Numbers (postcodes) and capitals (cities, region codes: "LAPPEENRANTA", ", ON", "NO 9100").
  if (shape === "num" || shape === "upper") return true;
  if (f & (F.place | F.suffix | F.prefix | F.ending | F.unit)) return true;
  if (f & F.uncased) return true;
  return (f & F.common) === 0;
}

// Spaces, a comma, brackets ("Cyprus (Greek)"), a hyphen or apostrophe inside a name ("SMITH'S GREEN"),
// and the "∆" some Greek sources write for Δ.
const SAME_LINE_GAP = /^(?:[ \t]*[,()\-]?[ \t]*[()]?[ \t]*|['’∆])$/;

/**
 * The address part at the start of the line beginning at token `a`: the longest run of address-like
 * words there ("Cyprus 36903" out of "Cyprus 36903? I am in …", "KNIVSTA, nan 18237" before "after the
 * concert"). Returns its last token, or -1 when the line does not start with one.
 */
function addressLinePrefix(scan: Scan, a: number): number {
  let b = a - 1;
  let anchor = false;
  for (let k = a; k < scan.tokens.length && k - a < MAX_LINE_TOKENS; k++) {
    if (k > a && !SAME_LINE_GAP.test(gap(scan, k))) break;
    if (!addressWord(scan, k)) break;
    if (placeLike(scan, k)) anchor = true;
    b = k;
  }
  if (b < a || !anchor) return -1;
  // A line opening with a run of numbers is a phone number ("21 253 109 8211-Office"), not a postcode.
  let digits = 0;
  let k = a;
  for (; k <= b && scan.tokens[k].shape === "num"; k++) digits += scan.tokens[k].text.length;
  if (k - a > 1 && digits >= 7) return -1;
  const raw = scan.text.slice(scan.tokens[a].start, scan.tokens[b].end);
  // Phone numbers and labelled fields on the next line are not part of the address.
  if (/[+@:\\/]|\(\d|\d[\-.]\d+[\-.]\d/.test(raw)) return -1;
  return b;
}

/** Index of the last token of the address whose core ends at token `last`. */
export function extendAddress(scan: Scan, last: number): number {
  const n = scan.tokens.length;
  let end = last;
  let lines = 0;
  let k = last + 1;
  while (k < n && k - last <= MAX_TOKENS) {
    const g = gap(scan, k);
    if (g.includes("\n")) {
      const parts = g.split("\n");
      if (parts.length > 3 || lines >= MAX_LINES) break;
      if (!/^[ \t,.]*$/.test(parts[0]) || !parts.slice(1).every((p) => /^[ \t>?|*•,\-]*$/.test(p))) break;
      const e = addressLinePrefix(scan, k);
      if (e < 0) break;
      lines++;
      end = e;
      k = e + 1;
      continue;
    }
    const dot = /^[ \t]*\.[ \t]*$/.test(g);
    if (!dot && !SAME_LINE_GAP.test(g)) break;
    // After "." only an abbreviation continues ("u. 97", "St. Georges"); otherwise a sentence may begin.
    if (dot && !isAbbreviation(scan, k - 1) && !has(scan, k, F.unit)) break;
    if (dot && scan.tokens[k].shape === "init") break;
    if (!addressWord(scan, k)) break;
    if (!placeLike(scan, k)) {
      // a capitalised dictionary word: keep it only when a place-like word follows on this line
      const next = k + 1;
      if (!(next < n && /^(?:[ \t]+|-)$/.test(gap(scan, next)) && addressWord(scan, next) && placeLike(scan, next))) break;
    }
    if (has(scan, k, F.unit) && !(k + 1 < n && /^(?:num|alnum)$/.test(scan.tokens[k + 1].shape))) break;
    end = k;
    k++;
  }
  return end;
}
