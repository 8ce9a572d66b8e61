// Text handling shared by the offline provider's extractive answers and its hashing vectorizer.
// Works on any script (tokens are runs of Unicode letters, marks and digits) with light extra
// normalisation for Arabic, a language the product's users write in.

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(ARABIC_MARKS, "")
    .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627") // آ أ إ ٱ -> ا
    .replace(/\u0649/g, "\u064A") // ى -> ي
    .replace(/\u0629/g, "\u0647") // ة -> ه
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

export function tokenize(text: string): string[] {
  return normaliseText(text).match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
}

const STOPWORDS = new Set(
  [
    // English
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "could", "did", "do", "does", "for", "from",
    "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our",
    "please", "should", "so", "tell", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "to", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would",
    "you", "your", "about",
    // Arabic (written as normaliseText leaves them)
    "في", "من", "على", "الى", "عن", "ما", "ماذا", "هل", "هو", "هي", "هذا", "هذه", "ذلك", "التي", "الذي", "ان",
    "كان", "كيف", "متى", "اين", "لماذا", "و", "او", "ثم", "مع", "كل", "لا", "لم", "لن", "قد", "انا", "نحن", "انت",
  ].map(normaliseText),
);

const ARABIC_PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال"];

/** A deliberately tiny stemmer: Arabic article/conjunction prefixes, English plural -s. */
export function stem(token: string): string {
  for (const prefix of ARABIC_PREFIXES) {
    if (token.startsWith(prefix) && token.length - prefix.length >= 2) return token.slice(prefix.length);
  }
  if (/^[a-z]+$/.test(token) && token.length > 3) {
    if (token.endsWith("ies")) return `${token.slice(0, -3)}y`;
    if (token.endsWith("s") && !token.endsWith("ss")) return token.slice(0, -1);
  }
  return token;
}

/** Content words, normalised and stemmed: what overlap and hashing compare. */
export function contentTerms(text: string): string[] {
  return tokenize(text)
    .filter((t) => !STOPWORDS.has(t))
    .map(stem);
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Sentences, also breaking at line ends (chunks are often lists or headings). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const { segment } of segmenter.segment(line)) {
      const trimmed = segment.trim();
      if (trimmed) sentences.push(trimmed);
    }
  }
  return sentences;
}

export function isQuestion(sentence: string): boolean {
  return /[?\u061F]\s*$/.test(sentence);
}
