"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import type { FieldIssue } from "@/lib/errors";
import { importDatasetAction } from "@/app/(console)/p/[project]/datasets/actions";

const MAX_BYTES = 5 * 1024 * 1024;
const textarea = "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950";

/** Import CSV or JSONL: a file read in the browser or pasted text; the server validates every line. */
export function ImportForm({ slug, name }: { slug: string; name: string }) {
  const [text, setText] = useState("");
  const [format, setFormat] = useState<"jsonl" | "csv">("jsonl");
  const [mode, setMode] = useState<"append" | "replace">("append");
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [changelog, setChangelog] = useState("");
  const [error, setError] = useState("");
  const [report, setReport] = useState<FieldIssue[]>([]);
  const [pending, start] = useTransition();

  async function pick(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError(`${file.name} is larger than 5 MB; split it and append the parts.`);
      return;
    }
    setFormat(file.name.toLowerCase().endsWith(".csv") ? "csv" : "jsonl");
    setText(await file.text());
    setError("");
    setReport([]);
  }

  function submit() {
    start(async () => {
      const res = await importDatasetAction(slug, { name, format, text, mode, skipInvalid, changelog: changelog || undefined });
      if (!res.ok) {
        setError(res.error);
        setReport(res.issues ?? []);
        return;
      }
      setError("");
      const skipped = res.data.skipped.map((s) => ({ field: `line ${s.line}${s.field ? `: ${s.field}` : ""}`, message: s.message }));
      setReport(skipped);
      toast.success(res.data.unchanged ? "Nothing changed: the items equal the latest version" : `Imported ${res.data.imported} items as version ${res.data.version}${skipped.length ? `, skipped ${skipped.length} lines` : ""}`);
      if (!skipped.length) setText("");
    });
  }

  return (
    <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label="Import items">
      <div className="flex flex-wrap items-end gap-4">
        <Field label="File (.csv or .jsonl)" htmlFor="import-file">
          <input id="import-file" type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" onChange={(e) => void pick(e.target.files?.[0])} className="text-sm" />
        </Field>
        <Field label="Format" htmlFor="import-format">
          <Select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as "jsonl" | "csv")}>
            <option value="jsonl">JSONL</option>
            <option value="csv">CSV</option>
          </Select>
        </Field>
        <Field label="Mode" htmlFor="import-mode">
          <Select id="import-mode" value={mode} onChange={(e) => setMode(e.target.value as "append" | "replace")}>
            <option value="append">Append to the latest items</option>
            <option value="replace">Replace all items</option>
          </Select>
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
          Skip invalid lines
        </label>
      </div>
      <Field label="Or paste the file" htmlFor="import-text" hint='JSONL: one {"inputs": {…}, "language": "en", …} per line. CSV columns: input.<variable> or inputs, reference, context, relevant_doc_ids, tags, language, split, key'>
        <textarea id="import-text" className={textarea} rows={8} value={text} onChange={(e) => setText(e.target.value)} dir="auto" spellCheck={false} />
      </Field>
      <Field label="Changelog" htmlFor="import-changelog">
        <input id="import-changelog" className={textarea} value={changelog} onChange={(e) => setChangelog(e.target.value)} dir="auto" placeholder="What changed and why (optional)" />
      </Field>
      {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
      {report.length ? (
        <div role="region" aria-label={error ? "Validation report" : "Skipped lines"} className="max-h-64 overflow-auto rounded-md border border-red-200 p-2 text-sm dark:border-red-900">
          <ul className="space-y-1">
            {report.map((r, i) => (
              <li key={i}><span className="font-mono text-xs font-medium">{r.field}</span> — <span dir="auto">{r.message}</span></li>
            ))}
          </ul>
        </div>
      ) : null}
      <Button type="submit" disabled={pending || !text.trim()}>{pending ? "Importing…" : "Import"}</Button>
    </form>
  );
}
