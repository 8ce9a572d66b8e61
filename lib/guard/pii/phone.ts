// Phone numbers in the formats people write them: international (+CC or 00CC), national with a trunk 0,
// area codes in parentheses, groups split by spaces, dots or dashes, extensions; Saudi mobiles
// (+966 5x xxx xxxx, 00966…, 9665…, 05xxxxxxxx). Digit runs alone are ambiguous (amounts, zip codes,
// ids), so loosely formatted candidates need a cue word such as "call", "mobile" or "هاتف".
import { execAt, isWordCode } from "./regex";
import { asciiDigits } from "./checksums";
import { type Candidate, PRIORITY } from "./spans";
import { cueBefore } from "./structured";

const D = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";
// Bounded: a leading "+", "00" or "(", then at most 24 digits/separators, then an optional extension.
const CANDIDATE = new RegExp(
  `(?:\\+|\\()?${D}[0-9\\u0660-\\u0669\\u06F0-\\u06F9 ().\\-/]{5,24}${D}(?:\\)(?=\\s))?(?: ?(?:x|ext\\.?|#) ?${D}{1,5})?(?![\\p{N}])`,
  "uy",
);
const CUE_BEFORE =
  /(?:phone|tel|telephone|mobile|mob|cell|cellphone|fax|desk|office|home|work|call|calling|contact|reach|text|sms|whatsapp|number|no\.|messages?|answering|dial|ring|hotline|هاتف|الهاتف|جوال|الجوال|اتصل|رقم|موبايل|واتساب|تلفون)\W{0,12}(?:(?:me|us|him|her|at|on|is|to|registered|my|the|number)\W{1,3}){0,4}$/i;
const CUE_AFTER = /^[\s\-–(]{0,3}(?:office|fax|mobile|cell|home|work|desk|tel|phone)\b/i;
// A whole candidate that reads as a calendar date (2003-08-28, 28.08.2003, 8/28/03) is not a phone number.
const DATE_LIKE = /^(?:(?:19|20)\d\d([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])([-./])(?:0?[1-9]|[12]\d|3[01])\2(?:19|20)?\d\d)(?:[ T]\d{1,2})?$/;
const SAUDI_MOBILE = /^(?:(?:00|\+)?966|0)5\d{8}$/;

/** `starts`: where a number can begin — each digit token, or the "+" or "(" just before it. */
export function findPhones(text: string, out: Candidate[], starts: number[]): void {
  for (const m of execAt(CANDIDATE, text, starts, (c) => c === 43 || isWordCode(c))) {
    let raw = m[0];
    // A trailing ")" only belongs to the number when the number opened one.
    if (raw.endsWith(")") && !raw.slice(0, -1).includes("(")) raw = raw.slice(0, -1);
    if (raw.includes("\n")) continue;
    const main = raw.replace(/ ?(?:x|ext\.?|#) ?[0-9\u0660-\u0669\u06F0-\u06F9]{1,5}$/, "");
    const hasExtension = main.length !== raw.length;
    const ascii = main.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (c) => asciiDigits(c));
    if (DATE_LIKE.test(ascii.replace(/^[+(]/, ""))) continue;
    if (/[().]{2}|[\-/]{2}|\( |\.\s|\s\./.test(ascii)) continue;
    const opens = (ascii.match(/\(/g) ?? []).length;
    if (opens !== (ascii.match(/\)/g) ?? []).length || opens > 1) continue;
    const digits = ascii.replace(/\D/g, "");
    const groups = ascii.split(/[^\d]+/).filter(Boolean);
    const international = /^(?:\+|00[1-9])/.test(ascii);
    if (digits.length < 7 || digits.length > 15 || (international && digits.length < 9)) continue;
    if (groups.some((g) => g.length > 7) && !(groups.length === 1 || international)) continue;
    const separators = new Set(ascii.replace(/[\d+]/g, "").replace(/\) ?/g, ")"));
    const cue =
      cueBefore(text, m.index, CUE_BEFORE, 48) || CUE_AFTER.test(text.slice(m.index + raw.length, m.index + raw.length + 14));

    let strong = false;
    if (international || hasExtension || opens === 1 || SAUDI_MOBILE.test(digits)) strong = true;
    else if (groups.length >= 3 && separators.size === 1 && !separators.has("/")) strong = digits.length >= 8 || separators.has("-") || separators.has(".");
    if (!strong && !cue) continue;
    if (!strong && groups.length === 1 && digits.length < 9) continue;
    out.push({ start: m.index, end: m.index + raw.length, type: "PHONE", priority: strong ? PRIORITY.phoneStrong : PRIORITY.phoneWeak });
  }
}
