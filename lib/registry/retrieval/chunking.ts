// Splits a document into overlapping chunks for embedding. Sizes are in characters (UTF-16 code
// units, as String.length counts them): deterministic for every script and independent of any one
// embedding model's tokenizer. Chunks end at paragraph, line or sentence boundaries where they can;
// a sentence longer than a chunk is split between words, and a word longer than a chunk by force.

export interface ChunkOptions {
  chunkSize: number;
  chunkOverlap: number;
}

/** A piece no longer than the chunk size, and what joins it to the piece before it. */
interface Unit {
  text: string;
  sep: string;
}

const PARAGRAPH = "\n\n";
const LINE = "\n";
const SPACE = " ";

// ICU's sentence rules know Arabic terminators (؟ ۔ and the full stop); the locale does not matter
const sentences = new Intl.Segmenter(undefined, { granularity: "sentence" });

function splitSentences(line: string): string[] {
  return [...sentences.segment(line)].map((s) => s.segment.trim()).filter(Boolean);
}

/** Words packed into pieces of at most `size`; a longer word is cut by code points. */
function splitLong(text: string, size: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.length <= size ? [word] : hardSplit(word, size);
    for (const piece of pieces) {
      if (!cur) cur = piece;
      else if (cur.length + 1 + piece.length <= size) cur += SPACE + piece;
      else {
        out.push(cur);
        cur = piece;
      }
    }
  }
  if (cur) out.push(cur);
  return out;
}

function hardSplit(word: string, size: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const ch of word) {
    // never split a surrogate pair
    if (cur.length + ch.length > size) {
      out.push(cur);
      cur = "";
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

function unitsOf(text: string, size: number): Unit[] {
  const units: Unit[] = [];
  const paragraphs = text.replace(/\r\n?/g, "\n").split(/\n\s*\n/);
  for (const paragraph of paragraphs) {
    const lines = paragraph.split("\n").map((l) => l.trim()).filter(Boolean);
    lines.forEach((line, li) => {
      splitSentences(line).forEach((sentence, si) => {
        splitLong(sentence, size).forEach((piece, pi) => {
          const sep = pi > 0 || si > 0 ? SPACE : li > 0 ? LINE : PARAGRAPH;
          units.push({ text: piece, sep });
        });
      });
    });
  }
  return units;
}

const joinedLength = (units: Unit[]) => units.reduce((n, u, i) => n + (i ? u.sep.length : 0) + u.text.length, 0);
const join = (units: Unit[]) => units.map((u, i) => (i ? u.sep : "") + u.text).join("");

/**
 * What the next chunk repeats from the end of the last one: whole trailing units that fit in
 * `overlap`, or else the tail of the last unit starting at a word boundary.
 */
function overlapTail(chunk: Unit[], overlap: number): Unit[] {
  if (overlap <= 0) return [];
  let start = chunk.length;
  let length = 0;
  while (start > 0) {
    const unit = chunk[start - 1];
    const next = length + unit.text.length + (start < chunk.length ? chunk[start].sep.length : 0);
    if (next > overlap) break;
    length = next;
    start--;
  }
  if (start < chunk.length) return chunk.slice(start);
  const last = chunk[chunk.length - 1].text;
  const cut = last.slice(last.length - overlap);
  const boundary = cut.search(/\s\S/);
  const words = boundary >= 0 ? cut.slice(boundary + 1) : "";
  return words ? [{ text: words, sep: SPACE }] : [];
}

/** Overlapping chunks of at most `chunkSize` characters, in document order. Empty text gives none. */
export function chunkText(text: string, { chunkSize, chunkOverlap }: ChunkOptions): string[] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError("chunkSize must be a positive integer");
  if (!Number.isInteger(chunkOverlap) || chunkOverlap < 0 || chunkOverlap >= chunkSize) {
    throw new RangeError("chunkOverlap must be a whole number from 0 to less than chunkSize");
  }
  const chunks: string[] = [];
  let cur: Unit[] = [];
  let curLength = 0;
  // units carried over from the previous chunk; a chunk made only of those is never emitted
  let carried = 0;
  const withUnit = (unit: Unit) => curLength + (cur.length ? unit.sep.length : 0) + unit.text.length;
  for (const unit of unitsOf(text, chunkSize)) {
    if (cur.length > carried && withUnit(unit) > chunkSize) {
      chunks.push(join(cur));
      cur = overlapTail(cur, chunkOverlap);
      curLength = joinedLength(cur);
      while (cur.length && withUnit(unit) > chunkSize) {
        const dropped = cur.shift()!;
        curLength -= dropped.text.length + (cur.length ? cur[0].sep.length : 0);
      }
      carried = cur.length;
    }
    curLength = withUnit(unit);
    cur.push(unit);
  }
  if (cur.length > carried) chunks.push(join(cur));
  return chunks;
}
