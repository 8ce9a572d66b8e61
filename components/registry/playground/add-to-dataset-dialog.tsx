"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { ListPlus } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { Badge } from "@/components/ui/page";
import { useActionForm } from "@/components/ui/use-action-form";
import { ZContextChunk, type TContextChunk } from "@/lib/datasets/schemas";
import { coerceVariableValue } from "@/lib/registry/prompts/variable-values";
import type { TPlaygroundDone, TPlaygroundRunInput } from "@/lib/registry/playground/schemas";
import type { TPromptVersion } from "@/lib/registry/prompts/schemas";
import { addPlaygroundItemAction } from "@/app/(console)/p/[project]/playground/actions";
import { queryFromVariables } from "@/lib/registry/prompts/query-variable";

// Issue 4, "add items from the playground": a finished run becomes an item of a golden dataset, with
// the values it was run with, its context and (edited, if need be) its answer as the reference.

const area = "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** The item's inputs: the run's values (toRunInput already left out empty ones), typed as compilePrompt typed them. */
export function itemInputs(declared: TPromptVersion["variables"], given: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(given).map(([name, value]) => {
      const v = declared.find((d) => d.name === name);
      const c = v ? coerceVariableValue(v.type, value) : null;
      return [name, c?.ok ? c.value : value];
    }),
  );
}

/**
 * Retrieved chunks first, then pasted ones: the order the run sent them in. A document id or date the
 * dataset would refuse (external retrievers return anything) is dropped rather than blocking the save.
 */
export function itemContextChunks(retrieved: TPlaygroundDone["retrieved"], pasted: string[]): TContextChunk[] {
  const { docId, lastUpdated } = ZContextChunk.shape;
  return [
    ...retrieved.map((c) => {
      const id = docId.safeParse(c.documentSourceId ?? undefined);
      const date = lastUpdated.safeParse(c.lastUpdatedAt ?? undefined);
      return { text: c.text, ...(id.success && id.data ? { docId: id.data } : {}), ...(date.success && date.data ? { lastUpdated: date.data } : {}) };
    }),
    ...pasted.map((text) => ({ text })),
  ].filter((c) => c.text.trim() !== "");
}

const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/u;

/** "ar" when the question (or, without one, any text input) has Arabic letters; else "en". */
export function guessLanguage(inputs: Record<string, unknown>): "ar" | "en" {
  const question = queryFromVariables(inputs);
  const text = question ?? Object.values(inputs).filter((v): v is string => typeof v === "string").join(" ");
  return ARABIC_LETTER.test(text) ? "ar" : "en";
}

const shown = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

type DoneRun = { result: TPlaygroundDone; input: TPlaygroundRunInput };

/** Under a finished run's output: the button, or where to create a dataset when the project has none. */
export function AddToDataset({ slug, datasets, run, variables }: { slug: string; datasets: string[]; run: DoneRun; variables: TPromptVersion["variables"] }) {
  if (!datasets.length) {
    return (
      <p className="text-sm text-zinc-500">
        To keep this run as a golden item, <Link href={`/p/${slug}/datasets`} className="text-blue-600 hover:underline">create a dataset</Link> first.
      </p>
    );
  }
  return <AddToDatasetDialog slug={slug} datasets={datasets} run={run} variables={variables} />;
}

function AddToDatasetDialog({ slug, datasets, run, variables }: { slug: string; datasets: string[]; run: DoneRun; variables: TPromptVersion["variables"] }) {
  const inputs = useMemo(() => itemInputs(variables, run.input.variables ?? {}), [variables, run.input.variables]);
  const chunks = useMemo(() => itemContextChunks(run.result.retrieved, run.input.contextChunks ?? []), [run.result.retrieved, run.input.contextChunks]);
  const retrievedCount = run.result.retrieved.length;
  const guessed = guessLanguage(inputs);
  // mounted per finished run (a new run unmounts it), so the values survive closing and reopening
  const [open, setOpen] = useState(false);
  const [dataset, setDataset] = useState(datasets.length === 1 ? datasets[0] : "");
  const [key, setKey] = useState("");
  const [language, setLanguage] = useState<string>(guessed);
  const [otherLanguage, setOtherLanguage] = useState("");
  const [reference, setReference] = useState(run.result.text);
  const [tags, setTags] = useState("");
  const form = useActionForm();
  const entries = Object.entries(inputs);

  function submit() {
    const item = {
      dataset,
      ...(key.trim() ? { key: key.trim() } : {}),
      inputs,
      ...(chunks.length ? { contextChunks: chunks } : {}),
      ...(reference.trim() ? { reference } : {}),
      tags: tags.split(",").map((t) => t.trim()).filter(Boolean),
      language: language === "other" ? otherLanguage : language,
    };
    form.submit(
      () => addPlaygroundItemAction(slug, item),
      (saved) => {
        toast.success(`Added ${saved.key} to ${saved.name}${saved.version ? ` v${saved.version}` : ""}`, {
          description: (
            <Link href={`/p/${slug}/datasets/${saved.name}${saved.version ? `?version=${saved.version}` : ""}`} className="underline">Open dataset</Link>
          ),
        });
        // the key is now taken in that dataset; the rest may serve another dataset
        setKey("");
        setOpen(false);
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) form.clear(); }}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant="secondary"><ListPlus className="size-3.5" aria-hidden />Add to dataset</Button>
      </DialogTrigger>
      <DialogContent title="Add to dataset" description="Save this run as a golden item: the values it ran with, its context, and the answer as the reference. The dataset gets a new version.">
        {/* The dialog is portalled out of the playground's <form> in the DOM, but React events still bubble
            to it: unstopped, this submit or Ctrl+Enter would start a new run and unmount the dialog. */}
        <form
          className="max-h-[calc(100vh-10rem)] space-y-3 overflow-y-auto px-0.5"
          onSubmit={(e) => { e.preventDefault(); e.stopPropagation(); submit(); }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.stopPropagation();
              e.currentTarget.requestSubmit();
            }
          }}
        >
          <div className="grid grid-cols-2 gap-3">
            <Field label="Dataset" htmlFor="atd-dataset" error={form.errors.dataset}>
              <Select id="atd-dataset" value={dataset} required onChange={(e) => setDataset(e.target.value)}>
                <option value="">Choose a dataset</option>
                {datasets.map((d) => <option key={d} value={d}>{d}</option>)}
              </Select>
            </Field>
            <Field label="Key" htmlFor="atd-key" hint="Optional; generated from the content when empty." error={form.errors.key}>
              <Input id="atd-key" value={key} onChange={(e) => setKey(e.target.value)} dir="ltr" placeholder="refund-window" />
            </Field>
          </div>
          <Field label="Language" htmlFor="atd-language" error={form.errors.language}
            hint={`Guessed from the question: ${guessed === "ar" ? "it has Arabic letters" : "no Arabic letters"}.`}>
            <div className="flex gap-2">
              <Select id="atd-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
                <option value="en">en — English</option>
                <option value="ar">ar — Arabic</option>
                <option value="other">Other…</option>
              </Select>
              {language === "other" ? (
                <Input aria-label="Language code" value={otherLanguage} onChange={(e) => setOtherLanguage(e.target.value)} required dir="ltr" placeholder="pt-BR" />
              ) : null}
            </div>
          </Field>
          <Field label="Reference answer" htmlFor="atd-reference" hint="The run's answer; correct it into what a good answer says." error={form.errors.reference}>
            <textarea id="atd-reference" className={area} rows={4} dir="auto" value={reference} onChange={(e) => setReference(e.target.value)} />
          </Field>
          <Field label="Tags" htmlFor="atd-tags" hint="Comma-separated" error={form.errors.tags}>
            <Input id="atd-tags" value={tags} onChange={(e) => setTags(e.target.value)} dir="auto" placeholder="billing, playground" />
          </Field>

          <section aria-label="Item preview" className="space-y-2 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
            <p className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Inputs (the values this run used)</p>
            {entries.length ? (
              <dl className="max-h-32 space-y-1 overflow-y-auto" data-testid="item-inputs">
                {entries.map(([name, value]) => (
                  <div key={name}>
                    <dt className="font-mono text-xs text-zinc-500" dir="ltr">{name}</dt>
                    <dd className="whitespace-pre-wrap break-words" dir="auto">{shown(value)}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="text-zinc-500">The run used no variable values, and an item needs at least one input.</p>
            )}
            {form.errors.inputs ? <p role="alert" className="text-xs text-red-600 dark:text-red-400">{form.errors.inputs}</p> : null}
            <p data-testid="item-context" className="text-zinc-600 dark:text-zinc-400">
              {chunks.length
                ? `${plural(chunks.length, "context chunk")} will be included (${retrievedCount} retrieved, ${chunks.length - retrievedCount} pasted).`
                : "No context chunks: the run had none."}
            </p>
            {chunks.length ? (
              <ol className="max-h-32 space-y-1 overflow-y-auto text-xs">
                {chunks.map((c, i) => (
                  <li key={i} className="flex gap-2">
                    {c.docId ? <Badge tone="blue"><bdi>{c.docId}</bdi></Badge> : null}
                    <span className="line-clamp-2 break-words" dir="auto">{c.text}</span>
                  </li>
                ))}
              </ol>
            ) : null}
            {form.errors.contextChunks ? <p role="alert" className="text-xs text-red-600 dark:text-red-400">{form.errors.contextChunks}</p> : null}
          </section>
          <DialogFormFooter pending={form.pending} formError={form.formError} submitLabel="Add item" pendingLabel="Adding…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
