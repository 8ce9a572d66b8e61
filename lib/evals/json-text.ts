// Models wrap JSON in markdown fences or in prose ("Here is the JSON: {...}"); both the JSON scorers
// and the judge parser must see through that.

const FENCE = /```[ \t]*([\w-]*)[ \t]*\r?\n([\s\S]*?)\r?\n?```/;

/** The content of the first ``` fence (any language tag), or the trimmed text when there is none. */
export function stripCodeFences(text: string): string {
  const match = FENCE.exec(text);
  return (match ? match[2] : text).trim();
}

/** Index just past the `{...}` that starts at `start`, respecting strings and escapes; -1 if unbalanced. */
export function balancedObjectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i + 1;
  }
  return -1;
}

export type JsonExtraction = { ok: true; value: unknown; json: string } | { ok: false; reason: string };

/**
 * The first balanced `{...}` in the text that parses as JSON. Candidates that do not parse (a brace in
 * prose, "{like this}") are skipped so the object after them is still found.
 */
export function extractFirstJsonObject(text: string): JsonExtraction {
  const source = stripCodeFences(text);
  let firstError: string | undefined;
  for (let start = source.indexOf("{"); start !== -1; start = source.indexOf("{", start + 1)) {
    const end = balancedObjectEnd(source, start);
    if (end === -1) {
      firstError ??= "a JSON object is opened but never closed";
      continue;
    }
    const json = source.slice(start, end);
    try {
      return { ok: true, value: JSON.parse(json), json };
    } catch (err) {
      firstError ??= `invalid JSON: ${(err as Error).message}`;
    }
  }
  return { ok: false, reason: firstError ?? "no JSON object found in the reply" };
}
