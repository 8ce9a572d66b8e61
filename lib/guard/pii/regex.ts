/**
 * All matches of a global pattern whose first character is not preceded by a character in `notAfter`.
 * The left boundary is checked here rather than with a look-behind at the start of the pattern: a
 * leading look-behind keeps the engine from skipping quickly to plausible first characters, and this
 * runs over every stored text. String#matchAll is avoided too: it copies (recompiles) the pattern per call.
 */
export function execAll(re: RegExp, text: string, notAfter?: (code: number) => boolean): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (notAfter && m.index > 0 && notAfter(text.charCodeAt(m.index - 1))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

export const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
export const isArabicDigit = (c: number) => (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
const WORD = /[\p{L}\p{N}]/u;
/** A letter or digit in any script. */
export const isWordCode = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 128 && WORD.test(String.fromCharCode(c)));

/**
 * Matches of a sticky (`y`) pattern tried only at the given sorted positions — the starts of the tokens
 * that can begin a match — instead of at every character: a text's digit runs are few, and each scan of
 * the whole text per pattern was most of the scrubber's cost. A match hides later positions inside it.
 */
export function execAt(re: RegExp, text: string, starts: number[], notAfter?: (code: number) => boolean): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let covered = -1;
  for (const p of starts) {
    if (p < covered) continue;
    if (notAfter && p > 0 && notAfter(text.charCodeAt(p - 1))) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m && m[0].length > 0) {
      out.push(m);
      covered = p + m[0].length;
    }
  }
  return out;
}
