import type { DatasetFormat, DatasetItem } from "./schemas";
import { canonicalItem } from "./content";

// Pure export. Both formats read back to the same items (and so the same content hash): JSONL is the
// stored form; CSV uses input.<var> columns only when every item has the same string variables,
// otherwise one JSON `inputs` column, and always writes context as a JSON array.

export function toJsonl(items: DatasetItem[]): string {
  return items.map((i) => JSON.stringify(canonicalItem(i))).join("\n") + (items.length ? "\n" : "");
}

const quote = (s: string) => (/[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);

export function toCsv(items: DatasetItem[]): string {
  const varNames = [...new Set(items.flatMap((i) => Object.keys(i.inputs)))].sort();
  const flat = items.every(
    (i) => Object.keys(i.inputs).length === varNames.length && Object.values(i.inputs).every((v) => typeof v === "string"),
  );
  const inputCols = flat ? varNames.map((v) => `input.${v}`) : ["inputs"];
  const header = ["key", ...inputCols, "reference", "context", "relevant_doc_ids", "tags", "language", "split"];
  const rows = items.map((i) => [
    i.key,
    ...(flat ? varNames.map((v) => String(i.inputs[v])) : [JSON.stringify(i.inputs)]),
    i.reference ?? "",
    i.contextChunks ? JSON.stringify(i.contextChunks) : "",
    i.relevantDocIds.join(","),
    i.tags.join(","),
    i.language,
    i.split,
  ]);
  return [header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}

export function exportItems(items: DatasetItem[], format: DatasetFormat): { text: string; contentType: string; extension: string } {
  return format === "csv"
    ? { text: toCsv(items), contentType: "text/csv; charset=utf-8", extension: "csv" }
    : { text: toJsonl(items), contentType: "application/x-ndjson; charset=utf-8", extension: "jsonl" };
}
