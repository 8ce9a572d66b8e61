// Arabic person names and street addresses. Arabic has no capital letters, so names are found from a
// list of given names, from the words that introduce a name (السيد، الدكتورة، اسمي …) and from lineage
// chains (بن، بنت، أبو، عبد); addresses from the words that open them (شارع، طريق، حي …).
import { execAll } from "./regex";
import {
  ARABIC_ADDRESS_CUES,
  ARABIC_AMBIGUOUS_NAMES,
  ARABIC_GIVEN_NAMES,
  ARABIC_NAME_CUES,
  ARABIC_NAME_LINKS,
  ARABIC_STOP_WORDS,
  foldArabic,
} from "./lexicon/arabic";
import { F } from "./features";
import { GAP, type Scan, gap, has, tokenEndingAt, tokenStartingAt } from "./scan";
import { type Candidate, PRIORITY } from "./spans";

function folded(scan: Scan, k: number): string {
  return foldArabic(scan.tokens[k].text);
}

/** The word without a leading conjunction "و" (and), when what remains is still a word. */
function stem(word: string): string {
  return word.length > 3 && word.startsWith("و") ? word.slice(1) : word;
}

const arabicWord = (scan: Scan, k: number) => k < scan.tokens.length && has(scan, k, F.arabic) && !ARABIC_STOP_WORDS.has(folded(scan, k));
const sameLine = (scan: Scan, k: number) => scan.gaps[k] === GAP.space;

function isGivenName(word: string): boolean {
  const w = stem(word);
  return ARABIC_GIVEN_NAMES.has(w) || (w.startsWith("عبدال") && w.length >= 7);
}

// Family names: lineage chains and nisba adjectives ("القحطاني", "الهاشمي") after a given name.
function continuesName(scan: Scan, k: number, afterLink: boolean): boolean {
  if (!arabicWord(scan, k)) return false;
  const w = folded(scan, k);
  if (afterLink || isGivenName(w) || ARABIC_NAME_LINKS.has(w)) return true;
  return w.startsWith("ال") && w.length >= 5 && w.endsWith("ي");
}

function findArabicNames(scan: Scan, out: Candidate[]): void {
  const n = scan.tokens.length;
  for (let i = 0; i < n; i++) {
    if (!arabicWord(scan, i)) continue;
    const w = folded(scan, i);
    const prev = i > 0 && sameLine(scan, i) ? folded(scan, i - 1) : "";
    // "د. سلمى": the doctor abbreviation is one letter and a dot.
    const cued = ARABIC_NAME_CUES.has(stem(prev)) || (prev === "د" && /^\.\s?$/.test(gap(scan, i)));
    // A kunya ("أبو بكر", "أم كلثوم") starts a name; other links only continue one.
    const kunya = (w === "ابو" || w === "ام") && arabicWord(scan, i + 1) && sameLine(scan, i + 1);
    if (ARABIC_NAME_CUES.has(w) || (ARABIC_NAME_LINKS.has(w) && !kunya)) {
      if (!cued) continue;
    } else if (!cued && !kunya && !isGivenName(w)) continue;
    let b = i;
    let afterLink = ARABIC_NAME_LINKS.has(w);
    // "و" (and) glued to a word starts the next name: "بكر وفاطمة" is two people.
    while (b + 1 < n && b - i < 5 && sameLine(scan, b + 1) && !folded(scan, b + 1).startsWith("و") && continuesName(scan, b + 1, afterLink)) {
      b++;
      afterLink = ARABIC_NAME_LINKS.has(folded(scan, b));
    }
    if (b === i && !cued && ARABIC_AMBIGUOUS_NAMES.has(stem(w))) continue;
    if (afterLink && b > i) b--; // a chain never ends on "بن" itself
    out.push({ start: scan.tokens[i].start, end: scan.tokens[b].end, type: "PERSON", priority: PRIORITY.person });
    i = b;
  }
}

const PO_BOX = /ص\s?\.\s?ب\s?\.?\s*:?\s*[0-9\u0660-\u0669]{1,6}|صندوق (?:ال)?بريد\s*:?\s*[0-9\u0660-\u0669]{1,6}|الرمز البريدي\s*:?\s*[0-9\u0660-\u0669]{5}/g;

function pushAddress(scan: Scan, out: Candidate[], first: number, last: number): void {
  out.push({ start: scan.tokens[first].start, end: scan.tokens[last].end, type: "STREET_ADDRESS", priority: PRIORITY.address });
}

function findArabicAddresses(scan: Scan, out: Candidate[]): void {
  const n = scan.tokens.length;
  for (const m of execAll(PO_BOX, scan.text)) pushAddress(scan, out, tokenStartingAt(scan, m.index), tokenEndingAt(scan, m.index + m[0].length));
  for (let i = 0; i < n; i++) {
    if (!has(scan, i, F.arabic) || !ARABIC_ADDRESS_CUES.has(stem(folded(scan, i)))) continue;
    let first = i;
    // a building number before the street ("8228 طريق الملك فهد")
    if (i > 0 && has(scan, i - 1, F.num) && sameLine(scan, i)) first = i - 1;
    let b = i;
    let words = 0;
    while (b + 1 < n && words < 4 && sameLine(scan, b + 1) && (arabicWord(scan, b + 1) || has(scan, b + 1, F.num))) {
      b++;
      words++;
    }
    if (words === 0) continue;
    // Further parts joined by commas or dashes: "، حي العليا، الرياض 12214 - 2121".
    let k = b + 1;
    while (k < n && /^\s*[،,\-]\s*$/.test(gap(scan, k))) {
      let e = k - 1;
      let taken = 0;
      while (e + 1 < n && taken < 3 && (e + 1 === k || sameLine(scan, e + 1)) && (arabicWord(scan, e + 1) || has(scan, e + 1, F.num))) {
        e++;
        taken++;
      }
      if (taken === 0) break;
      const head = stem(folded(scan, k));
      const numbered = scan.tokens.slice(k, e + 1).some((t) => t.shape === "num");
      if (!ARABIC_ADDRESS_CUES.has(head) && !numbered && taken > 2) break;
      b = e;
      k = e + 1;
    }
    pushAddress(scan, out, first, b);
    i = b;
  }
}

export function findArabicPii(scan: Scan, out: Candidate[]): void {
  findArabicNames(scan, out);
  findArabicAddresses(scan, out);
}
