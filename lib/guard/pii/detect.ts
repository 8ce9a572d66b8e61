// The scrubber's entry points. Every detector proposes candidates; the resolver keeps one type per
// character. Nothing here throws on any string: input is only read, and the rules are linear in its length.
import { findStreetAddresses } from "./address";
import { findArabicPii } from "./arabic";
import { F } from "./features";
import { findPersons } from "./person";
import { findPhones } from "./phone";
import { prepareScan, type Scan } from "./scan";
import { type Candidate, resolveCandidates } from "./spans";
import { findCreditCards, findDriverLicenses, findEmails, findIbans, findIpAddresses, findSaudiIds, findSsns } from "./structured";
import { PLACEHOLDER, type PiiSpan, type PiiType } from "./types";

/** Where number-shaped identifiers can start: tokens beginning with a digit; IBANs at "GB82…" tokens. */
function numberStarts(scan: Scan) {
  const digitStarts: number[] = [];
  const phoneStarts: number[] = [];
  const ibanStarts: number[] = [];
  for (let i = 0; i < scan.tokens.length; i++) {
    if (!(scan.feats[i] & F.digits)) continue;
    const t = scan.tokens[i];
    if (isDigitCode(t.text.charCodeAt(0))) {
      digitStarts.push(t.start);
      const before = scan.text.charCodeAt(t.start - 1);
      phoneStarts.push(before === 43 || before === 40 ? t.start - 1 : t.start);
    } else if (/^[A-Za-z]{2}\d{2}/.test(t.text)) ibanStarts.push(t.start);
  }
  return { digitStarts, phoneStarts, ibanStarts };
}

const isDigitCode = (c: number) => (c >= 48 && c <= 57) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);

export function detectPii(text: string): PiiSpan[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const scan = prepareScan(text);
  // Which detectors can match at all, from one pass over the token features: most texts hold no digit,
  // and a text without one cannot hold a card, phone or id number.
  let seen = 0;
  for (let i = 0; i < scan.feats.length; i++) seen |= scan.feats[i];
  const candidates: Candidate[] = [];
  if (text.includes("@")) findEmails(text, candidates);
  if (seen & F.digits) {
    const { digitStarts, phoneStarts, ibanStarts } = numberStarts(scan);
    findIpAddresses(text, candidates, digitStarts);
    findIbans(text, candidates, ibanStarts);
    findCreditCards(text, candidates, digitStarts);
    findSsns(text, candidates, digitStarts);
    findSaudiIds(text, candidates, digitStarts);
    if (seen & F.licenseCue) findDriverLicenses(text, candidates);
    findPhones(text, candidates, phoneStarts);
  }
  findStreetAddresses(scan, candidates, (seen & F.boxCue) !== 0);
  findPersons(scan, candidates);
  if (seen & F.arabic) findArabicPii(scan, candidates);
  return resolveCandidates(text, candidates);
}

export interface ScrubResult {
  text: string;
  /** Distinct entity types found, in first-seen order; never the values. */
  found: PiiType[];
}

export function scrubPii(text: string): ScrubResult {
  const spans = detectPii(text);
  if (spans.length === 0) return { text, found: [] };
  const parts: string[] = [];
  const found = new Set<PiiType>();
  let at = 0;
  for (const s of spans) {
    parts.push(text.slice(at, s.start), PLACEHOLDER[s.type]);
    found.add(s.type);
    at = s.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(""), found: [...found] };
}
