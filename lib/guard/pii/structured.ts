// Identifiers with a fixed shape: e-mail, IP, IBAN, payment card, US SSN, Saudi national id / iqama and
// US driver's licence. Shapes are found with bounded patterns (no nested unbounded repetition), then
// confirmed by checksum or by a cue word, since the shapes alone also fit order ids and amounts.
import { execAll, execAt, isArabicDigit, isAsciiDigit, isWordCode } from "./regex";
import ipaddr from "ipaddr.js";
import { asciiDigits, ibanValid, luhnValid, saudiIdValid, ssnStructureValid } from "./checksums";
import { type Candidate, PRIORITY } from "./spans";

/** True when `cue` matches in the `window` characters before `index`. */
export function cueBefore(text: string, index: number, cue: RegExp, window = 40): boolean {
  return cue.test(text.slice(Math.max(0, index - window), index));
}

const EMAIL_LOCAL = /[\p{L}\p{N}._%+\-']/u;
const EMAIL_DOMAIN = /[\p{L}\p{N}.\-]/u;

// Grown outwards from each "@" instead of matched by one pattern: a pattern starting with an unbounded
// local part would rescan long runs of letters at every position (quadratic on hostile input).
export function findEmails(text: string, out: Candidate[]): void {
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && EMAIL_LOCAL.test(text[s - 1])) s--;
    while (s < at && /[.'\-]/.test(text[s])) s++;
    let e = at + 1;
    while (e < text.length && e - at <= 253 && EMAIL_DOMAIN.test(text[e])) e++;
    while (e > at + 1 && /[.\-]/.test(text[e - 1])) e--;
    const domain = text.slice(at + 1, e);
    if (s < at && /^[\p{L}\p{N}](?:[\p{L}\p{N}\-]*\.)+\p{L}{2,}$/u.test(domain)) {
      out.push({ start: s, end: e, type: "EMAIL", priority: PRIORITY.email });
    }
  }
}

const IPV4 = /(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)/y;

const isIpv6Char = (c: number) =>
  (c >= 48 && c <= 58) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c === 46; // 0-9 : A-F a-f .
const isWordChar = (c: number) => isIpv6Char(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

export function findIpAddresses(text: string, out: Candidate[], digitStarts: number[]): void {
  for (const m of execAt(IPV4, text, digitStarts, (c) => isAsciiDigit(c) || c === 46)) {
    out.push({ start: m.index, end: m.index + m[0].length, type: "IP_ADDRESS", priority: PRIORITY.ip });
  }
  // IPv6: each run of hex digits, colons and dots around a colon, grown by hand (linear), then validated.
  for (let colon = text.indexOf(":"); colon !== -1; colon = text.indexOf(":", colon + 1)) {
    let s = colon;
    while (s > 0 && colon - s < 45 && isIpv6Char(text.charCodeAt(s - 1))) s--;
    let e = colon + 1;
    while (e < text.length && e - s < 46 && isIpv6Char(text.charCodeAt(e))) e++;
    colon = e - 1;
    if (s > 0 && isWordChar(text.charCodeAt(s - 1))) continue;
    if (e < text.length && isWordChar(text.charCodeAt(e)) && !isIpv6Char(text.charCodeAt(e))) continue;
    let value = text.slice(s, e).replace(/\.+$/, "");
    if (value.endsWith(":") && !value.endsWith("::")) value = value.slice(0, -1);
    const colons = value.split(":").length - 1;
    if (colons < 2 || (colons < 7 && !value.includes("::")) || !/[0-9A-Fa-f]{2}/.test(value)) continue;
    if (!ipaddr.IPv6.isValid(value)) continue;
    out.push({ start: s, end: s + value.length, type: "IP_ADDRESS", priority: PRIORITY.ip });
  }
}

const IBAN_CANDIDATE = /[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?![\p{L}\p{N}])/uy;

export function findIbans(text: string, out: Candidate[], ibanStarts: number[]): void {
  for (const m of execAt(IBAN_CANDIDATE, text, ibanStarts, isWordCode)) {
    if (ibanValid(m[0])) out.push({ start: m.index, end: m.index + m[0].length, type: "IBAN", priority: PRIORITY.checksum });
  }
}

const CARD_CANDIDATE = /\d(?:[ \-]?\d){11,18}(?![\d])/y;
const CARD_CUE = /\b(?:card|cards|cc|credit|debit|visa|master ?card|amex|american express|discover|maestro|jcb|diners|pan)\b|بطاق/i;
// Issuer prefixes (IIN ranges) of the card networks; a Luhn-valid run with another prefix needs a cue.
const CARD_PREFIX = /^(?:4|5[0-8]|6|3[0-8]|2[2-7]|1800|2131)/;

export function findCreditCards(text: string, out: Candidate[], digitStarts: number[]): void {
  for (const m of execAt(CARD_CANDIDATE, text, digitStarts, (c) => isAsciiDigit(c) || c === 45 || c === 46)) {
    const raw = m[0].replace(/[ \-]+$/, "");
    const digits = raw.replace(/[ \-]/g, "");
    if (digits.length < 12 || digits.length > 19 || !luhnValid(digits)) continue;
    const groups = raw.split(/[ \-]/);
    // Written cards are either one run or groups of 4 (Amex 4-6-5); other groupings are phone-like.
    const grouped = groups.length === 1 || groups.slice(0, -1).every((g) => g.length === 4) || /^\d{4}[ \-]\d{6}[ \-]\d{5}$/.test(raw);
    if (!grouped) continue;
    const cue = cueBefore(text, m.index, CARD_CUE, 48);
    if (!cue && (digits.length < 13 || !CARD_PREFIX.test(digits))) continue;
    out.push({ start: m.index, end: m.index + raw.length, type: "CREDIT_CARD", priority: PRIORITY.checksum });
  }
}

const SSN_CANDIDATE = /(\d{3})([ \-]?)(\d{2})\2(\d{4})(?![\d\-])/y;
const SSN_CUE = /\b(?:ssn|ss#|ss no|social security|social sec|tax ?id|itin)\b/i;

export function findSsns(text: string, out: Candidate[], digitStarts: number[]): void {
  for (const m of execAt(SSN_CANDIDATE, text, digitStarts, (c) => isAsciiDigit(c) || c === 45)) {
    const digits = m[1] + m[3] + m[4];
    if (!ssnStructureValid(digits)) continue;
    // 123-45-6789 is the SSN's own format; spaced or run-together digits are only an SSN when it says so.
    if (m[2] !== "-" && !cueBefore(text, m.index, SSN_CUE, 48)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: "US_SSN", priority: PRIORITY.checksum });
  }
}

const SA_ID_CANDIDATE = /[12\u0661\u0662][0-9\u0660-\u0669]{9}(?![0-9\u0660-\u0669])/y;
const SA_ID_CUE = /\b(?:iqama|national id|national identity|id number|id no|identity|resident id|muqeem)\b|هوي|إقام|اقام|السجل المدني/i;

export function findSaudiIds(text: string, out: Candidate[], digitStarts: number[]): void {
  for (const m of execAt(SA_ID_CANDIDATE, text, digitStarts, (c) => isAsciiDigit(c) || isArabicDigit(c))) {
    if (!saudiIdValid(asciiDigits(m[0]))) continue;
    const cue = cueBefore(text, m.index, SA_ID_CUE, 48);
    const priority = cue ? PRIORITY.checksum : PRIORITY.nationalIdBare;
    out.push({ start: m.index, end: m.index + m[0].length, type: "SA_NATIONAL_ID", priority });
  }
}

// US licence formats differ by state (one letter and 4-14 digits, 7-9 digits, dashed groups), so the
// number is taken only after a cue naming the licence.
const LICENSE_CUE = /\b(?:driver'?s?|driving)[ \-]licen[cs]e(?:[ \-](?:number|no|num|#))?\b|\bDL ?(?:#|number|no\b)|رخصة القيادة|رخصة السياقة/gi;
const LICENSE_VALUE = /^[^\n\p{L}\p{N}]{0,12}(?:(?:is|was|:|#|=|number|no\.?|رقم|هو|هي)[^\n\p{L}\p{N}]{0,4}){0,3}([A-Za-z]{0,2}\d[\d\- ]{3,16}\d[A-Za-z]?)(?![\p{L}\p{N}])/u;

export function findDriverLicenses(text: string, out: Candidate[]): void {
  for (const m of execAll(LICENSE_CUE, text)) {
    const after = m.index + m[0].length;
    const v = LICENSE_VALUE.exec(text.slice(after, after + 60));
    if (!v) continue;
    const start = after + v[0].length - v[1].length;
    out.push({ start, end: start + v[1].length, type: "US_DRIVER_LICENSE", priority: PRIORITY.license });
  }
}
