"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useDeferredValue, useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { lintPrompt } from "@/lib/registry/prompts/lint";
import { measurePrompt } from "@/lib/registry/prompts/measure";
import { templateVariables } from "@/lib/registry/prompts/template";
import { savePromptVersionAction } from "@/app/(console)/p/[project]/prompts/actions";
import { toPayload, type EditorState } from "./editor-state";
import { LintPanel } from "./lint-panel";
import { MessagesEditor } from "./messages-editor";
import { ParamsEditor, type ModelChoice } from "./params-editor";
import { VariablesEditor } from "./variables-editor";

/** Writes the next version of a prompt (or its first). Lint runs in the browser on every change. */
export function PromptEditor({
  slug,
  initial,
  models,
  existing,
  baseVersion,
}: {
  slug: string;
  initial: EditorState;
  models: ModelChoice[];
  /** the prompt already exists: its name is fixed */
  existing: boolean;
  baseVersion: number | null;
}) {
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [pending, start] = useTransition();
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState("");
  const set = <K extends keyof EditorState>(key: K, value: EditorState[K]) => setState((s) => ({ ...s, [key]: value }));

  // typing stays responsive on long prompts: lint and token counts follow a deferred copy
  const draft = useDeferredValue(state);
  const model = models.find((m) => m.id === draft.modelVersionId) ?? null;
  const lintDraft = useMemo(() => {
    const max = Number(draft.params.max_tokens);
    return {
      messages: draft.messages,
      variables: draft.variables.map((v) => ({ name: v.name.trim(), type: v.type })),
      params: { max_tokens: Number.isInteger(max) && max > 0 ? max : null, response_format: draft.params.format === "none" ? null : { type: draft.params.format } },
    };
  }, [draft]);
  const issues = useMemo(() => lintPrompt(lintDraft, model), [lintDraft, model]);
  const measure = useMemo(() => measurePrompt(lintDraft, model), [lintDraft, model]);
  const undeclared = useMemo(() => {
    const declared = new Set(lintDraft.variables.map((v) => v.name));
    return templateVariables(lintDraft.messages, lintDraft.variables).filter((n) => !declared.has(n));
  }, [lintDraft]);

  function save() {
    const { payload, local } = toPayload(state);
    if (local.length) {
      setServerErrors(Object.fromEntries(local.map((i) => [i.field, i.message])));
      setFormError("");
      return;
    }
    start(async () => {
      const res = await savePromptVersionAction(slug, payload);
      if (!res.ok) {
        setServerErrors(Object.fromEntries((res.issues ?? []).map((i) => [i.field, i.message])));
        setFormError(res.error);
        toast.error(res.issues?.length ? "Not saved — see the problems marked below" : res.error);
        return;
      }
      setServerErrors({});
      setFormError("");
      const saved = res.data;
      if (saved.unchanged) toast.info(`Unchanged — no new version. Version ${saved.version} already has this content.`);
      else toast.success(`Saved ${saved.name} version ${saved.version}`);
      router.push(`/p/${slug}/prompts/${saved.name}`);
    });
  }

  const fieldErrors = serverErrors;
  return (
    <form
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]"
      aria-label={existing ? `New version of ${state.name}` : "New prompt"}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="space-y-6">
        <div className="grid gap-3 md:grid-cols-2">
          <Field label="Name" htmlFor="pr-name" error={fieldErrors.name} hint={existing ? "The name of a prompt never changes." : "Lowercase letters, digits, '.', '_' and '-'; unique in the project."}>
            <Input id="pr-name" className="font-mono" value={state.name} readOnly={existing} required dir="auto" spellCheck={false} onChange={(e) => set("name", e.target.value)} />
          </Field>
          <Field label="Tags" htmlFor="pr-tags" error={fieldErrors.tags ?? Object.entries(fieldErrors).find(([f]) => f.startsWith("tags."))?.[1]} hint="Comma-separated, e.g. support, billing">
            <Input id="pr-tags" value={state.tags} dir="auto" onChange={(e) => set("tags", e.target.value)} />
          </Field>
        </div>
        <Field label="Description" htmlFor="pr-desc" error={fieldErrors.description}>
          <Input id="pr-desc" value={state.description} dir="auto" onChange={(e) => set("description", e.target.value)} />
        </Field>
        <MessagesEditor messages={state.messages} onChange={(m) => set("messages", m)} tokens={measure.tokens.perMessage} issues={issues} serverErrors={fieldErrors} />
        <VariablesEditor variables={state.variables} onChange={(v) => set("variables", v)} undeclared={undeclared} serverErrors={fieldErrors} />
        <ParamsEditor params={state.params} onChange={(p) => set("params", p)} models={models} modelVersionId={state.modelVersionId} onModelChange={(id) => set("modelVersionId", id)} errors={fieldErrors} />
        <Field label="Changelog" htmlFor="pr-changelog" error={fieldErrors.changelog} hint={baseVersion ? `What changed since version ${baseVersion}, and why.` : "Why this prompt exists; what it is for."}>
          <textarea
            id="pr-changelog"
            required
            rows={2}
            dir="auto"
            className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            value={state.changelog}
            onChange={(e) => set("changelog", e.target.value)}
          />
        </Field>
        {formError ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
            {formError}
          </div>
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : existing ? "Save new version" : "Create prompt"}</Button>
          <Button asChild variant="secondary">
            <Link href={existing ? `/p/${slug}/prompts/${state.name}` : `/p/${slug}/prompts`}>Cancel</Link>
          </Button>
        </div>
      </div>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <LintPanel issues={issues} measure={measure} modelName={model?.displayName ?? null} />
      </div>
    </form>
  );
}
