"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { ArrowDown, ArrowUp, PackagePlus, Plus, X } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { useIssueForm } from "@/components/evals/use-issue-form";
import { createReleaseAction } from "@/app/(console)/p/[project]/releases/actions";
import type { NewReleaseChoices } from "./new-release-choices";

// Every top-level field of ZCreateRelease has a place in this form for its error.
const PLACED = ["version", "notes", "prompts", "modelVersionId", "fallbackModelVersionIds", "retrievalConfigVersionId"] as const;

interface PromptRow { role: string; prompt: string; versionId: string }

const latest = (choices: NewReleaseChoices, name: string) => choices.prompts.find((p) => p.name === name)?.versions[0]?.id ?? "";
const modelOf = (choices: NewReleaseChoices, versionId: string) => choices.prompts.flatMap((p) => p.versions).find((v) => v.id === versionId)?.modelVersionId ?? "";

export function NewReleaseDialog({ slug, choices, defaultPrompt }: { slug: string; choices: NewReleaseChoices; defaultPrompt?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const first = choices.prompts.find((p) => p.name === defaultPrompt)?.name ?? choices.prompts[0]?.name ?? "";
  const [rows, setRows] = useState<PromptRow[]>([{ role: "answer", prompt: first, versionId: latest(choices, first) }]);
  const [modelVersionId, setModel] = useState(() => modelOf(choices, latest(choices, first)));
  const [fallbacks, setFallbacks] = useState<string[]>([]);
  const [nextFallback, setNextFallback] = useState("");
  const [retrieval, setRetrieval] = useState(choices.retrieval[0]?.id ?? "");
  const [version, setVersion] = useState("");
  const [notes, setNotes] = useState("");
  const form = useIssueForm(PLACED);

  const setRow = (i: number, patch: Partial<PromptRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) => setFallbacks((fs) => {
    const next = [...fs];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    return next;
  });
  const modelLabel = (id: string) => choices.models.find((m) => m.id === id)?.label ?? id;

  function submit() {
    const prompts = Object.fromEntries(rows.map((r) => [r.role.trim(), r.versionId]));
    if (Object.keys(prompts).length !== rows.length) {
      return form.fail("Each role key once.", [{ field: "prompts", message: "each role key may appear once" }]);
    }
    form.submit(
      () => createReleaseAction(slug, { version, notes, prompts, modelVersionId, fallbackModelVersionIds: fallbacks, retrievalConfigVersionId: retrieval || null }),
      (r) => {
        toast.success(`Release ${r.version} created`);
        setOpen(false);
        router.push(`/p/${slug}/releases/${r.id}`);
      },
    );
  }

  if (!choices.prompts.length || !choices.models.length) {
    return <Button size="sm" disabled title="Register a prompt version and a model version first"><PackagePlus className="size-4" aria-hidden />New release</Button>;
  }

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) form.clear(); }}>
      <DialogTrigger asChild>
        <Button size="sm"><PackagePlus className="size-4" aria-hidden />New release</Button>
      </DialogTrigger>
      <DialogContent size="wide" title="New release" description="Pins one version of each prompt (under a role key), a model version with ordered fallbacks and an optional retrieval config version. Frozen once submitted.">
        <form className="space-y-5" aria-label="New release" onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <div className="grid grid-cols-4 gap-3">
            <Field label="Version" htmlFor="release-version" hint="Semantic version, e.g. 1.1.0" error={form.error("version")}>
              <Input id="release-version" value={version} onChange={(e) => setVersion(e.target.value)} placeholder="1.1.0" autoComplete="off" />
            </Field>
            <div className="col-span-3">
              <Field label="Notes" htmlFor="release-notes" hint="What changes for users, and why" error={form.error("notes")}>
                <Input id="release-notes" value={notes} onChange={(e) => setNotes(e.target.value)} dir="auto" />
              </Field>
            </div>
          </div>

          <fieldset className="space-y-2">
            <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Prompt versions</legend>
            {rows.map((r, i) => {
              const versions = choices.prompts.find((p) => p.name === r.prompt)?.versions ?? [];
              return (
                <div key={i} className="grid grid-cols-[8rem_1fr_8rem_auto] items-end gap-2" role="group" aria-label={`Prompt role ${i + 1}`}>
                  <Field label="Role key" htmlFor={`release-role-${i}`} error={form.error(`prompts.${r.role}`)}>
                    <Input id={`release-role-${i}`} value={r.role} onChange={(e) => setRow(i, { role: e.target.value })} />
                  </Field>
                  <Field label="Prompt" htmlFor={`release-prompt-${i}`}>
                    <Select id={`release-prompt-${i}`} value={r.prompt} onChange={(e) => {
                      const versionId = latest(choices, e.target.value);
                      setRow(i, { prompt: e.target.value, versionId });
                      if (i === 0) setModel(modelOf(choices, versionId) || modelVersionId);
                    }}>
                      {choices.prompts.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
                    </Select>
                  </Field>
                  <Field label="Prompt version" htmlFor={`release-prompt-version-${i}`}>
                    <Select id={`release-prompt-version-${i}`} value={r.versionId} onChange={(e) => {
                      setRow(i, { versionId: e.target.value });
                      if (i === 0) setModel(modelOf(choices, e.target.value) || modelVersionId);
                    }}>
                      {versions.map((v) => <option key={v.id} value={v.id}>v{v.version}</option>)}
                    </Select>
                  </Field>
                  <Button type="button" variant="ghost" size="sm" aria-label={`Remove role ${r.role || i + 1}`} disabled={rows.length === 1}
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}><X className="size-4" aria-hidden /></Button>
                </div>
              );
            })}
            {form.error("prompts", { exact: true }) ? <p role="alert" className="text-xs text-red-600">{form.error("prompts", { exact: true })}</p> : null}
            <Button type="button" variant="secondary" size="sm" onClick={() => setRows((rs) => [...rs, { role: "", prompt: first, versionId: latest(choices, first) }])}>
              <Plus className="size-4" aria-hidden />Add role
            </Button>
          </fieldset>

          <div className="grid grid-cols-2 gap-3">
            <Field label="Model version" htmlFor="release-model" error={form.error("modelVersionId")} hint="Pinned; the answer prompt's own model is chosen first">
              <Select id="release-model" value={modelVersionId} onChange={(e) => setModel(e.target.value)}>
                <option value="">Choose a model version</option>
                {choices.models.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
              </Select>
            </Field>
            <Field label="Retrieval config version" htmlFor="release-retrieval" error={form.error("retrievalConfigVersionId")} hint="Optional">
              <Select id="release-retrieval" value={retrieval} onChange={(e) => setRetrieval(e.target.value)}>
                <option value="">None</option>
                {choices.retrieval.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
              </Select>
            </Field>
          </div>

          <fieldset className="space-y-2">
            <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Fallback model versions, in order</legend>
            {fallbacks.length ? (
              <ol aria-label="Fallbacks" className="space-y-1">
                {fallbacks.map((id, i) => (
                  <li key={id} className="flex items-center gap-2 text-sm">
                    <span className="w-5 text-right tabular-nums text-zinc-500">{i + 1}.</span>
                    <span className="flex-1" dir="auto">{modelLabel(id)}</span>
                    <Button type="button" variant="ghost" size="sm" aria-label={`Move ${modelLabel(id)} up`} disabled={i === 0} onClick={() => move(i, -1)}><ArrowUp className="size-4" aria-hidden /></Button>
                    <Button type="button" variant="ghost" size="sm" aria-label={`Move ${modelLabel(id)} down`} disabled={i === fallbacks.length - 1} onClick={() => move(i, 1)}><ArrowDown className="size-4" aria-hidden /></Button>
                    <Button type="button" variant="ghost" size="sm" aria-label={`Remove fallback ${modelLabel(id)}`} onClick={() => setFallbacks((fs) => fs.filter((f) => f !== id))}><X className="size-4" aria-hidden /></Button>
                  </li>
                ))}
              </ol>
            ) : <p className="text-xs text-zinc-500">None: only the pinned model is called.</p>}
            {form.error("fallbackModelVersionIds") ? <p role="alert" className="text-xs text-red-600">{form.error("fallbackModelVersionIds")}</p> : null}
            <div className="flex items-end gap-2">
              <div className="flex-1">
                <Field label="Fallback to add" htmlFor="release-fallback">
                  <Select id="release-fallback" value={nextFallback} onChange={(e) => setNextFallback(e.target.value)}>
                    <option value="">Choose a model version</option>
                    {choices.models.filter((m) => m.id !== modelVersionId && !fallbacks.includes(m.id)).map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
                  </Select>
                </Field>
              </div>
              <Button type="button" variant="secondary" disabled={!nextFallback} onClick={() => { setFallbacks((fs) => [...fs, nextFallback]); setNextFallback(""); }}>Add fallback</Button>
            </div>
          </fieldset>

          <div className="sticky -bottom-4 -mx-5 -mb-4 space-y-2 border-t border-zinc-200 bg-white px-5 py-3 dark:border-zinc-800 dark:bg-zinc-900">
            <DialogFormFooter pending={form.pending} formError={form.formError} submitLabel="Create release" pendingLabel="Creating…" />
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
