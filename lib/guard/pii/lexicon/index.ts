// Word sets used by the name and address rules, built once per process from the lists beside this file.
import englishWords from "./english-words.generated";
import firstNames from "./first-names.generated";
import lastNames from "./last-names.generated";
import { CAPITALISED_COMMON, ORG_WORDS, TITLES } from "./words";

const toSet = (data: string) => new Set(data.split(/\s+/).filter(Boolean));

export const FIRST_NAMES = toSet(firstNames);
export const LAST_NAMES = toSet(lastNames);

// Country and language names in English and Arabic from the runtime's ICU data (no list to maintain):
// "Germany", "Polish", "United Kingdom" are capitalised but are not people. Words of longer names that
// are also given or family names are left out: "Marshall Islands", "Saint Martin", "Costa Rica".
function icuNames(): Set<string> {
  const out = new Set<string>();
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const locale of ["en", "ar"]) {
    const regions = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    const languages = new Intl.DisplayNames([locale], { type: "language", fallback: "none" });
    for (const a of letters)
      for (const b of letters) {
        for (const name of [regions.of(a + b), languages.of((a + b).toLowerCase())]) {
          if (!name) continue;
          const words = name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
          for (const word of words) {
            if (word.length > 2 && (words.length === 1 || !(FIRST_NAMES.has(word) || LAST_NAMES.has(word)))) out.add(word);
          }
        }
      }
  }
  return out;
}

export const PLACE_WORDS = icuNames();

/** Lower-case words that are not names on their own: dictionary words plus capitalised common nouns. */
export const COMMON_WORDS = toSet(englishWords);
for (const w of CAPITALISED_COMMON) COMMON_WORDS.add(w);
for (const w of PLACE_WORDS) COMMON_WORDS.add(w);

export { ORG_WORDS, TITLES };
