// Text normalisation for comparing answers. Arabic is written with optional diacritics, decorative
// tatweel and interchangeable hamza/alef and taa-marbuta spellings; people do not consider those
// differences when they say two answers are "the same", so the scorers can fold them away.

// Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks; U+0640 is tatweel (kashida).
const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;

export function normaliseArabic(text: string): string {
  return text
    .replace(ARABIC_DIACRITICS, "")
    .replace(TATWEEL, "")
    .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627") // آ أ إ ٱ -> ا
    .replace(/\u0624/g, "\u0648") // ؤ -> و
    .replace(/\u0626/g, "\u064A") // ئ -> ي
    .replace(/\u0649/g, "\u064A") // ى -> ي (alef maqsura is written either way)
    .replace(/\u0629/g, "\u0647"); // ة -> ه
}

export interface NormaliseOptions {
  ignoreCase?: boolean;
  /** Trim and collapse runs of whitespace to one space. */
  collapseWhitespace?: boolean;
  arabic?: boolean;
}

export function normaliseForComparison(text: string, options: NormaliseOptions): string {
  let result = text.normalize("NFC");
  if (options.arabic) result = normaliseArabic(result);
  if (options.ignoreCase) result = result.toLocaleLowerCase("en");
  if (options.collapseWhitespace) result = result.replace(/\s+/gu, " ").trim();
  return result;
}

/** Cuts long text for explanations, which are shown in tables. */
export function truncate(text: string, max = 120): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
