import type { Hit } from "./rule";
import type { Normalized } from "./normalize";

// Encoded payloads: instructions smuggled as base64, hex, escapes, rot13, reversed or leetspeak text,
// or hidden with invisible characters. An encoding alone is weak evidence (logs and URLs carry base64);
// it becomes strong when the decoded text is itself an attack, which `score.ts` checks by screening
// every decoded view with the same rules.

export interface DecodedView {
  kind: string;
  text: string;
}

const MAX_BLOBS = 6;
const BASE64 = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
const HEX = /(?:\\x)?[0-9a-fA-F]{2}(?:(?:\\x|[ :,]|0x)?[0-9a-fA-F]{2}){15,}/g;
const UNICODE_ESCAPES = /(?:\\u\{?[0-9a-fA-F]{4,5}\}?){4,}|(?:&#x?[0-9a-fA-F]{2,6};){4,}|(?:%[0-9a-fA-F]{2}){8,}/g;
const ENGLISH_WORDS = /\b(?:the|and|you|your|all|to|of|is|are|ignore|instructions|previous|system|prompt|now|with|for|this|that|rules|say|tell|me|what|print|reveal)\b/g;
const LEET_TOKEN = /\b(?=[a-z@$]*[0-9@$])(?=[0-9@$]*[a-z])[a-z0-9@$]{2,}\b/g;
const MIN_LEET_TOKENS = 3;
const LEET_MAP: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", $: "s" };
const BROKEN_WORD = /(?<=\p{L})[-_*]{1,3}(?=\p{L})/gu;
// a break that splits a word where no compound or prefix would ("i-nstruction", "li-mitations",
// "ig*nore"); "well-known", "re-enter" and "e-mail" are ordinary
const HYPHENATED = /[a-z\u0600-\u06ff]+(?:[-_*]{1,3}[a-z\u0600-\u06ff]+)+/g;
const COMMON_PREFIX = /^(?:re|co|ex|un|de|e|x|t|pre|non|anti|self|sub|pro|mid|bi|tri|in|on|up|by|to|of|ed|er|ly|ai|vs)$/;
const MIN_SUSPICIOUS_BREAKS = 2;
const SPACED_LETTERS = /(?:\b\p{L}[ ._-]){3,}\p{L}\b/gu;
const HAS_SPACED_LETTERS = new RegExp(SPACED_LETTERS.source, "u");

function countSuspiciousBreaks(lower: string): number {
  if (!/[a-z][-_*]/.test(lower)) return 0;
  let count = 0;
  for (const [token] of lower.matchAll(HYPHENATED)) {
    if (/[*_]/.test(token)) {
      count++;
      continue;
    }
    const parts = token.split(/-+/);
    if (parts.some((p, i) => p.length <= 2 && !COMMON_PREFIX.test(p) && (parts[i - 1]?.length ?? 0) + (parts[i + 1]?.length ?? 0) >= 3)) count++;
  }
  return count;
}

/** Share of characters that look like prose: decoded garbage from random ids fails this. */
function looksLikeText(s: string): boolean {
  if (s.length < 12) return false;
  let printable = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || (c >= 0x0600 && c <= 0x06ff) || (c >= 0xc0 && c < 0x2000)) printable++;
  }
  return printable / [...s].length > 0.92 && /\s/.test(s) && /\p{L}{3,}/u.test(s);
}

function englishWordCount(s: string): number {
  return s.match(ENGLISH_WORDS)?.length ?? 0;
}

function rot13(s: string): string {
  return s.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97));
}

function decodeBase64(blob: string): string | null {
  if (!(/[A-Z]/.test(blob) && /[a-z]/.test(blob)) || /^[A-Za-z]+$/.test(blob)) return null;
  const decoded = Buffer.from(blob.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  return looksLikeText(decoded) ? decoded : null;
}

function decodeHex(blob: string): string | null {
  const digits = blob.replace(/\\x|0x|[ :,]/g, "");
  if (digits.length % 2) return null;
  const decoded = Buffer.from(digits, "hex").toString("utf8");
  return looksLikeText(decoded) ? decoded : null;
}

function decodeEscapes(blob: string): string | null {
  try {
    let decoded = blob
      .replace(/\\u\{?([0-9a-fA-F]{4,5})\}?/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)));
    if (decoded.includes("%")) decoded = decodeURIComponent(decoded);
    return looksLikeText(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

const MORSE: Record<string, string> = {
  ".-": "a", "-...": "b", "-.-.": "c", "-..": "d", ".": "e", "..-.": "f", "--.": "g", "....": "h", "..": "i", ".---": "j",
  "-.-": "k", ".-..": "l", "--": "m", "-.": "n", "---": "o", ".--.": "p", "--.-": "q", ".-.": "r", "...": "s", "-": "t",
  "..-": "u", "...-": "v", ".--": "w", "-..-": "x", "-.--": "y", "--..": "z", "-----": "0", ".----": "1", "..---": "2",
  "...--": "3", "....-": "4", ".....": "5", "-....": "6", "--...": "7", "---..": "8", "----.": "9", ".-.-.-": ".", "--..--": ",",
};

function decodeMorse(run: string): string {
  return run
    .trim()
    .split(/ {2,}| ?\/ ?/)
    .map((word) => word.split(" ").map((code) => MORSE[code] ?? "").join(""))
    .join(" ");
}

// Regional-indicator "flag letters" (🇭🇴🇼) spell words that no keyword list sees.
const REGIONAL_INDICATORS = /[\u{1F1E6}-\u{1F1FF}]/gu;

// payload splitting: a request cut into variables and glued back together ("$a + $b")
const ASSIGNMENT = /(\$?[a-z]\w{0,12})\s*=\s*["'][^"'\n]{1,60}["']/g;

function splitPayload(lower: string): boolean {
  if (!lower.includes("+")) return false;
  const names = new Set<string>();
  for (const m of lower.matchAll(ASSIGNMENT)) {
    names.add(m[1]);
    if (names.size > 12) break;
  }
  if (names.size < 2) return false;
  for (const m of lower.matchAll(/(\$?[a-z]\w{0,12})\s*\+\s*(\$?[a-z]\w{0,12})/g)) if (names.has(m[1]) && names.has(m[2]) && m[1] !== m[2]) return true;
  return false;
}

export interface EncodingFindings {
  hits: Hit[];
  views: DecodedView[];
}

export function findEncodings(norm: Normalized): EncodingFindings {
  const hits: Hit[] = [];
  const views: DecodedView[] = [];
  const blobs: [string, RegExp, (b: string) => string | null][] = [
    ["base64", BASE64, decodeBase64],
    ["hex", HEX, decodeHex],
    ["escapes", UNICODE_ESCAPES, decodeEscapes],
  ];
  for (const [kind, re, decode] of blobs) {
    let found = 0;
    for (const m of norm.text.matchAll(re)) {
      if (found >= MAX_BLOBS) break;
      const decoded = decode(m[0]);
      if (!decoded) continue;
      found++;
      views.push({ kind, text: decoded });
      hits.push({ code: "encoded_payload", weight: 2.5, snippet: `${kind} blob decoding to text`, described: true });
    }
  }

  const words = norm.lower.match(/[a-z]+/g)?.length ?? 0;
  const plain = words >= 4 ? englishWordCount(norm.lower) : 0;
  // ordinary English is full of "the/and/you"; only text nearly without them can be rot13 or reversed
  if (words >= 4 && plain * 8 < words) {
    const rotated = rot13(norm.lower);
    const rotWords = englishWordCount(rotated);
    // short messages carry few function words: half the words turning into English is enough there
    if ((rotWords >= 3 || (rotWords >= 2 && 2 * rotWords >= words)) && rotWords > 2 * plain) {
      views.push({ kind: "rot13", text: rotated });
      hits.push({ code: "encoded_payload", weight: 2, snippet: "rot13-encoded text", described: true });
    }
    const reversed = Array.from(norm.lower).reverse().join("");
    const revWords = englishWordCount(reversed);
    if (revWords >= 3 && revWords > 2 * plain) {
      views.push({ kind: "reversed", text: reversed });
      hits.push({ code: "encoded_payload", weight: 1.5, snippet: "text written backwards", described: true });
    }
  }

  // leet words mix letters with look-alike digits ("1nstruct10ns"), unlike ids, units or "gpt4"
  const leetTokens = (norm.lower.match(LEET_TOKEN) ?? []).filter((t) => /[a-z].*[0-9@$]|[0-9@$].*[a-z]/.test(t) && (t.match(/[a-z]/g)?.length ?? 0) >= 2 && (t.match(/[013457@$]/g)?.length ?? 0) >= 1 && !/\d{5,}/.test(t));
  if (leetTokens.length >= MIN_LEET_TOKENS) {
    views.push({ kind: "leetspeak", text: norm.lower.replace(LEET_TOKEN, (t) => t.replace(/[0-9@$]/g, (c) => LEET_MAP[c] ?? c)) });
    // "1" stands for "l" as often as for "i" ("ru135" is "rules")
    views.push({ kind: "leetspeak", text: norm.lower.replace(LEET_TOKEN, (t) => t.replace(/[0-9@$]/g, (c) => (c === "1" ? "l" : LEET_MAP[c] ?? c))) });
  }
  // "i-nstruction", "li-mitations", "ig*nore": words broken by punctuation to slip past keyword lists
  if (countSuspiciousBreaks(norm.lower) >= MIN_SUSPICIOUS_BREAKS) {
    views.push({ kind: "broken words", text: norm.lower.replace(BROKEN_WORD, "") });
  }
  if (HAS_SPACED_LETTERS.test(norm.lower)) {
    // "s-y-s-t-e-m p-r-o-m-p-t": when letters are joined by a mark, the spaces are the word breaks
    views.push({ kind: "spaced letters", text: norm.lower.replace(SPACED_LETTERS, (run) => (/\p{L}[._-]\p{L}/u.test(run) ? run.replace(/[._-]/g, "") : run.replace(/[ ._-]/g, ""))) });
  }

  for (const run of norm.morseRuns) {
    const decoded = decodeMorse(run);
    if (!/[a-z]{3,}/.test(decoded)) continue;
    views.push({ kind: "morse", text: decoded });
    hits.push({ code: "encoded_payload", weight: 2, snippet: "Morse-encoded text", described: true });
    break;
  }
  const flags = norm.text.match(REGIONAL_INDICATORS)?.length ?? 0;
  if (flags >= 6) {
    views.push({ kind: "flag letters", text: norm.text.replace(REGIONAL_INDICATORS, (c) => String.fromCharCode(c.codePointAt(0)! - 0x1f1e6 + 97)) });
    hits.push({ code: "encoded_payload", weight: 1.5, snippet: "words spelt in regional-indicator letters", described: true });
  }

  if (splitPayload(norm.lower)) hits.push({ code: "encoded_payload", weight: 3, snippet: "request split into variables and joined again", described: true });

  if (norm.hiddenTagText) {
    views.push({ kind: "tag characters", text: norm.hiddenTagText });
    hits.push({ code: "encoded_payload", weight: 4, snippet: "text hidden in invisible Unicode tag characters", described: true });
  }
  if (norm.invisibleInWord >= 2) {
    hits.push({ code: "encoded_payload", weight: norm.invisibleInWord >= 4 ? 2.5 : 1.5, snippet: `${norm.invisibleInWord} zero-width characters inside words`, described: true });
  }
  if (norm.mixedScriptWords >= 1) {
    hits.push({ code: "encoded_payload", weight: norm.mixedScriptWords >= 3 ? 2.5 : 1.5, snippet: `${norm.mixedScriptWords} words spelt with look-alike letters`, described: true });
  }
  if (norm.bidiControls >= 1) hits.push({ code: "encoded_payload", weight: 1.5, snippet: "bidirectional override characters", described: true });
  return { hits, views };
}
