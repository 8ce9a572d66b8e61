import { parse } from "csv-parse/sync";
import { ZDatasetItemInput, type ImportIssue, type ItemWithoutKey } from "./schemas";
import { normalizeItem } from "./content";

// Pure parsing of dataset files into items plus a report of every invalid line (1-based file lines).
// A `fatal` report means the file as a whole cannot be read (no header, unknown column, broken quoting):
// skipping lines cannot help then.

export interface ParsedLine {
  line: number;
  item: { key?: string } & ItemWithoutKey;
}
export interface ParseResult {
  items: ParsedLine[];
  errors: ImportIssue[];
  fatal: boolean;
}

const SCALAR_COLUMNS = ["key", "inputs", "reference", "context", "relevant_doc_ids", "tags", "language", "split"] as const;
const EXPECTED = `input.<variable>, ${SCALAR_COLUMNS.join(", ")}`;

function validate(line: number, raw: unknown, out: ParseResult, fieldName: (path: string) => string = (p) => p) {
  const r = ZDatasetItemInput.safeParse(raw);
  if (r.success) {
    out.items.push({ line, item: normalizeItem(r.data) });
    return;
  }
  for (const issue of r.error.issues) {
    const path = issue.path.map(String).join(".");
    const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : null;
    if (unknownKeys) {
      for (const k of unknownKeys) out.errors.push({ line, field: fieldName(path ? `${path}.${k}` : k), message: "unknown field" });
      continue;
    }
    out.errors.push({ line, ...(path ? { field: fieldName(path) } : {}), message: issue.message });
  }
}

export function parseJsonl(text: string): ParseResult {
  const out: ParseResult = { items: [], errors: [], fatal: false };
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      out.errors.push({ line, message: `not valid JSON: ${(e as Error).message}` });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      out.errors.push({ line, message: "each line must be one JSON object" });
      return;
    }
    validate(line, value, out);
  });
  if (!out.items.length && !out.errors.length) out.errors.push({ line: 1, message: "the file has no items" }), (out.fatal = true);
  return out;
}

const splitList = (cell: string) => cell.split(",").map((s) => s.trim()).filter(Boolean);

function parseContext(cell: string): { value?: unknown; error?: string } {
  const t = cell.trim();
  if (!t) return { value: null };
  if (!t.startsWith("[")) return { value: [{ text: cell }] };
  try {
    const parsed: unknown = JSON.parse(t);
    if (!Array.isArray(parsed)) return { error: "a JSON array of chunks, or plain text" };
    return { value: parsed.map((c) => (typeof c === "string" ? { text: c } : c)) };
  } catch (e) {
    return { error: `starts with "[" but is not a JSON array: ${(e as Error).message}` };
  }
}

// Field names in the report are the file's column names, so a person can find the cell.
function csvField(path: string): string {
  const [head, ...rest] = path.split(".");
  const column: Record<string, string> = { contextChunks: "context", relevantDocIds: "relevant_doc_ids" };
  if (head === "inputs" && rest.length === 1) return `input.${rest[0]}`;
  return [column[head] ?? head, ...rest].join(".");
}

export function parseCsv(text: string): ParseResult {
  const out: ParseResult = { items: [], errors: [], fatal: false };
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { items: [], errors: [{ line: err.lines ?? 1, message: `the CSV cannot be read: ${err.message}` }], fatal: true };
  }
  if (!records.length) return { items: [], errors: [{ line: 1, message: "the file is empty; the first line names the columns" }], fatal: true };

  const header = records[0].record.map((h) => h.trim());
  const headerLine = records[0].info.lines;
  const fatal = (message: string, field?: string) => ({ items: [], errors: [{ line: headerLine, ...(field ? { field } : {}), message }], fatal: true });
  const seen = new Set<string>();
  for (const col of header) {
    if (seen.has(col)) return fatal(`column "${col}" appears twice`, col);
    seen.add(col);
    const isInput = /^input\.[a-zA-Z_][a-zA-Z0-9_]*$/.test(col);
    if (!isInput && !(SCALAR_COLUMNS as readonly string[]).includes(col)) {
      return fatal(`unknown column "${col}"; expected ${EXPECTED}`, col);
    }
  }
  if (!header.some((c) => c === "inputs" || c.startsWith("input."))) return fatal('no input columns: add "input.<variable>" columns or an "inputs" JSON column');
  if (!header.includes("language")) return fatal('no "language" column (en, ar, …)');

  let prevEnd = headerLine;
  let prevEmpty = records[0].info.empty_lines;
  for (const { record, info } of records.slice(1)) {
    const line = prevEnd + 1 + (info.empty_lines - prevEmpty);
    prevEnd = info.lines;
    prevEmpty = info.empty_lines;
    if (record.length !== header.length) {
      out.errors.push({ line, message: `has ${record.length} values but the header has ${header.length} columns` });
      continue;
    }
    const cell = Object.fromEntries(header.map((h, i) => [h, record[i]]));
    const raw: Record<string, unknown> = {};
    let inputs: Record<string, unknown> = {};
    if (cell.inputs !== undefined && cell.inputs.trim()) {
      try {
        const parsed: unknown = JSON.parse(cell.inputs);
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("expected a JSON object");
        inputs = parsed as Record<string, unknown>;
      } catch (e) {
        out.errors.push({ line, field: "inputs", message: `not a JSON object: ${(e as Error).message}` });
        continue;
      }
    }
    for (const h of header) if (h.startsWith("input.")) inputs[h.slice("input.".length)] = cell[h];
    raw.inputs = inputs;
    if (cell.key?.trim()) raw.key = cell.key;
    if (cell.reference) raw.reference = cell.reference;
    if (cell.context !== undefined) {
      const ctx = parseContext(cell.context);
      if (ctx.error) {
        out.errors.push({ line, field: "context", message: ctx.error });
        continue;
      }
      raw.contextChunks = ctx.value;
    }
    if (cell.relevant_doc_ids !== undefined) raw.relevantDocIds = splitList(cell.relevant_doc_ids);
    if (cell.tags !== undefined) raw.tags = splitList(cell.tags);
    raw.language = cell.language.trim() ? cell.language : undefined;
    if (cell.split?.trim()) raw.split = cell.split;
    validate(line, raw, out, csvField);
  }
  if (!out.items.length && !out.errors.length) out.errors.push({ line: headerLine, message: "the file has no items below the header" }), (out.fatal = true);
  return out;
}
