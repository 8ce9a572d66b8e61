"use client";

import { useState, useTransition } from "react";
import { Upload } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { uploadDocumentAction } from "@/app/(console)/p/[project]/retrieval/actions";

const MAX_BYTES = 1024 * 1024;
const today = () => new Date().toISOString().slice(0, 10);
const textarea = "w-full rounded-md border border-zinc-300 bg-white p-2.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

interface Outcome { name: string; ok: boolean; message: string }

/** A markdown file's first heading, or its name without the extension. */
function titleOf(name: string, text: string) {
  return /^#\s+(.+)$/m.exec(text)?.[1].trim().slice(0, 300) || name.replace(/\.(md|markdown|txt)$/i, "");
}

export function UploadDocumentsForm({ slug, knowledgeBaseId }: { slug: string; knowledgeBaseId: string }) {
  const [draft, setDraft] = useState({ sourceId: "", title: "", lastUpdatedAt: today(), text: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [pending, start] = useTransition();

  async function send(doc: typeof draft) {
    if (new TextEncoder().encode(doc.text).length > MAX_BYTES) return { ok: false as const, error: "larger than 1 MB", issues: [] };
    return uploadDocumentAction(slug, { knowledgeBaseId, ...doc });
  }

  function submitPasted() {
    start(async () => {
      const res = await send(draft);
      if (!res.ok) {
        setErrors(Object.fromEntries((res.issues ?? []).map((i) => [i.field, i.message])));
        if (!res.issues?.length) toast.error(res.error);
        return;
      }
      toast.success(`${res.data.sourceId}: ${res.data.status}`);
      setDraft({ sourceId: "", title: "", lastUpdatedAt: today(), text: "" });
      setErrors({});
    });
  }

  function submitFiles(files: FileList | null) {
    if (!files?.length) return;
    start(async () => {
      const results: Outcome[] = [];
      for (const file of Array.from(files)) {
        const text = await file.text();
        const res = await send({ sourceId: file.name, title: titleOf(file.name, text), lastUpdatedAt: new Date(file.lastModified).toISOString(), text });
        results.push(res.ok ? { name: file.name, ok: true, message: res.data.status } : { name: file.name, ok: false, message: res.issues?.map((i) => `${i.field}: ${i.message}`).join("; ") || res.error });
      }
      setOutcomes(results);
      const failed = results.filter((r) => !r.ok).length;
      if (failed) toast.error(`${failed} of ${results.length} files were not uploaded`);
      else toast.success(`${results.length} file(s) uploaded`);
    });
  }

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form aria-label="Paste a document" className="space-y-3" onSubmit={(e) => { e.preventDefault(); submitPasted(); }}>
        <h3 className="text-sm font-medium">Paste text or markdown</h3>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Source id" htmlFor="doc-source" error={errors.sourceId} hint="A URL, path or article id; the same id replaces the document">
            <Input id="doc-source" value={draft.sourceId} onChange={(e) => setDraft({ ...draft, sourceId: e.target.value })} required dir="auto" />
          </Field>
          <Field label="Last updated" htmlFor="doc-updated" error={errors.lastUpdatedAt}>
            <Input id="doc-updated" type="date" value={draft.lastUpdatedAt} onChange={(e) => setDraft({ ...draft, lastUpdatedAt: e.target.value })} required />
          </Field>
        </div>
        <Field label="Title" htmlFor="doc-title" error={errors.title}>
          <Input id="doc-title" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} required dir="auto" />
        </Field>
        <Field label="Text" htmlFor="doc-text" error={errors.text} hint="At most 1 MB">
          <textarea id="doc-text" className={textarea} rows={8} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} required dir="auto" />
        </Field>
        <Button type="submit" disabled={pending}>{pending ? "Uploading…" : "Upload document"}</Button>
      </form>
      <div className="space-y-3">
        <h3 className="text-sm font-medium">Or choose files</h3>
        <Field label=".txt or .md files" htmlFor="doc-files" hint="Source id = file name; title = first # heading or the file name; last updated = the file's modification time">
          <Input id="doc-files" type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" multiple disabled={pending} className="h-auto py-1" onChange={(e) => { submitFiles(e.target.files); e.target.value = ""; }} />
        </Field>
        {pending ? <p className="flex items-center gap-1.5 text-sm text-zinc-500"><Upload className="size-4" aria-hidden />Uploading…</p> : null}
        {outcomes.length ? (
          <ul aria-label="Upload results" className="space-y-1 text-sm">
            {outcomes.map((o) => (
              <li key={o.name} className={o.ok ? "text-zinc-700 dark:text-zinc-300" : "text-red-600"} dir="auto"><code className="text-xs">{o.name}</code>: {o.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
