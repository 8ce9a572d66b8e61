// The language of a production trace, for the sampler's language strata: Arabic or English, the two
// languages the product serves. Counting letters of each script (not the first character) keeps an
// Arabic question with a Latin product name or order number Arabic, and the other way round.

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;

export type TraceLanguage = "ar" | "en";

export function detectLanguage(text: string | null | undefined): TraceLanguage {
  if (!text) return "en";
  const arabic = text.match(ARABIC)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return arabic > 0 && arabic >= latin ? "ar" : "en";
}
