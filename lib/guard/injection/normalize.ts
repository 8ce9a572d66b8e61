// Text normalisation for the injection screen. Attackers hide the same words behind look-alike letters,
// invisible characters, full-width or "math bold" forms and Arabic diacritics; the rules should see the
// plain word, and the hiding itself is reported as a signal.

/** Long texts are screened head + tail: jailbreak set-ups sit at the start, injected asks at the end. */
export const MAX_SCAN_CHARS = 24_000;
const HEAD_CHARS = 16_000;

// Zero-width and other invisible format characters (soft hyphen, word joiner, BOM, Arabic letter mark).
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF]/g;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
// Unicode "tag" characters mirror ASCII invisibly (ASCII smuggling); they carry hidden text.
const TAG_CHARS = /[\u{E0000}-\u{E007F}]+/gu;
// An invisible character squeezed between two letters or digits splits a word to dodge matching.
const INVISIBLE_IN_WORD = /[\p{L}\p{N}][\u00AD\u034F\u200B-\u200D\u2060-\u2064\uFEFF]+(?=[\p{L}\p{N}])/gu;

// Cyrillic and Greek letters that render like Latin ones. Applied only where a word mixes scripts or the
// text is mostly Latin, so genuine Greek or Russian text is left alone.
const CONFUSABLES: Record<string, string> = {
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x",
  і: "i", ї: "i", ј: "j", ѕ: "s", ԁ: "d", ԛ: "q", ԝ: "w", һ: "h", ӏ: "l", ɡ: "g", ɑ: "a",
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", І: "I", Ј: "J", Ѕ: "S",
  α: "a", ο: "o", ν: "v", ι: "i", κ: "k", ρ: "p", υ: "u", χ: "x", ϲ: "c", ε: "e",
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
};
const CONFUSABLE_CLASS = new RegExp(`[${Object.keys(CONFUSABLES).join("")}]`);
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const LATIN = /[A-Za-z]/;
const LATIN_ALL = /[A-Za-z]/g;
const CYRILLIC_GREEK_ALL = /[\u0370-\u03FF\u0400-\u04FF\u0500-\u052F]/g;

// Arabic: diacritics and tatweel carry no meaning for matching; letter variants are folded the way Arabic
// search engines do (alef forms, alef maqsura, ta marbuta, hamza seats, Persian kaf/yeh).
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARABIC_FOLD: Record<string, string> = {
  "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
  "\u0649": "\u064A", "\u06CC": "\u064A", "\u0626": "\u064A", "\u0624": "\u0648",
  "\u0629": "\u0647", "\u06A9": "\u0643",
};
const ARABIC_FOLDABLE = /[\u0622\u0623\u0625\u0671\u0649\u06CC\u0626\u0624\u0629\u06A9]/g;

const MORSE_RUN = /(?:[.-]{1,6}(?: {1,3}| ?\/ ?)){8,}[.-]{1,6}/g;

export interface Normalized {
  /** case preserved (for case-sensitive names such as DAN) */
  text: string;
  /** lower-cased `text`: what most rules read */
  lower: string;
  /** ASCII text hidden in Unicode tag characters, if any */
  hiddenTagText: string;
  /** Morse runs as written: collapsing spaces would erase their word breaks */
  morseRuns: string[];
  invisibleInWord: number;
  bidiControls: number;
  mixedScriptWords: number;
}

export function capForScan(input: string): string {
  if (input.length <= MAX_SCAN_CHARS) return input;
  return `${input.slice(0, HEAD_CHARS)}\n${input.slice(input.length - (MAX_SCAN_CHARS - HEAD_CHARS))}`;
}

export function foldArabic(text: string): string {
  return text.replace(ARABIC_MARKS, "").replace(ARABIC_FOLDABLE, (c) => ARABIC_FOLD[c] ?? c);
}

function foldConfusables(text: string): { text: string; mixed: number } {
  if (!CONFUSABLE_CLASS.test(text)) return { text, mixed: 0 };
  const latin = text.match(LATIN_ALL)?.length ?? 0;
  const foreign = text.match(CYRILLIC_GREEK_ALL)?.length ?? 0;
  const latinDominant = latin > 3 * foreign;
  let mixed = 0;
  const folded = text.replace(WORD, (word) => {
    if (!CONFUSABLE_CLASS.test(word)) return word;
    const isMixed = LATIN.test(word);
    if (!isMixed && !latinDominant) return word;
    const mapped = Array.from(word, (c) => CONFUSABLES[c] ?? c).join("");
    if (isMixed) mixed++;
    // a whole word of look-alikes inside English text is as much a disguise as a mixed one
    else if (word.length >= 3 && !/[^\x00-\x7F]/.test(mapped)) mixed++;
    return mapped;
  });
  return { text: folded, mixed };
}

export function decodeTagChars(text: string): string {
  const parts: string[] = [];
  for (const run of text.match(TAG_CHARS) ?? []) {
    parts.push(Array.from(run, (c) => String.fromCharCode(c.codePointAt(0)! - 0xe0000)).join(""));
  }
  return parts.join(" ").replace(/[\x00-\x1f\x7f]/g, "");
}

// "OpenAl", "an Al bot": a capital A and a lower-case L pass for "AI" in most fonts.
function foldAiLookalike(text: string): string {
  return text.replace(/\bOpenAl\b/g, "OpenAI").replace(/\b(an?|the|as an|unfiltered|uncensored) Al\b|\bAl(?= (?:bot|model|language|assistant|system|chatbot|rules|content|policy|policies|persona|character|entity)\b)/g, (m) => m.replace(/Al$/, "AI"));
}

export function normalizeForScan(input: string): Normalized {
  const capped = capForScan(input);
  const hiddenTagText = decodeTagChars(capped);
  const invisibleInWord = capped.match(INVISIBLE_IN_WORD)?.length ?? 0;
  const bidiControls = capped.match(BIDI_CONTROL)?.length ?? 0;
  const morseRuns = capped.includes(".-") || capped.includes("-.") ? (capped.match(MORSE_RUN) ?? []).slice(0, 3) : [];
  let text = capped.replace(TAG_CHARS, "").replace(INVISIBLE, "").replace(BIDI_CONTROL, "").normalize("NFKC");
  // copied prompts often carry markdown escapes ("\[topic\]") that hide the brackets from the rules
  text = text.replace(/\\([[\]()<>*_#])/g, "$1");
  text = text.replace(/[\u2018\u2019\u201B\u2032\u00B4`]/g, "'").replace(/[\u201C\u201D\u201F\u2033\u00AB\u00BB]/g, '"');
  const folded = foldConfusables(text);
  text = foldArabic(foldAiLookalike(folded.text)).replace(/[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, " ");
  return { text, lower: text.toLowerCase(), hiddenTagText, morseRuns, invisibleInWord, bidiControls, mixedScriptWords: folded.mixed };
}
