"use client";

import { Play, Square } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Badge, Card } from "@/components/ui/page";
import { defaultText, toRunInput, type PlaygroundForm } from "@/lib/registry/playground/form";
import type { TModelVersion } from "@/lib/registry/models/schemas";
import type { TPromptVersion } from "@/lib/registry/prompts/schemas";
import { AddToDataset } from "./add-to-dataset-dialog";
import { RunOutput } from "./run-output";
import { usePlaygroundRun } from "./use-playground-run";

const area = "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Variables, context, model and parameter overrides of one prompt version, and its streamed run. */
export function PlaygroundRunner({
  slug,
  version,
  models,
  canRun,
  offlineLabel,
  retrievalConfigs,
  canAddToDataset,
  datasets,
}: {
  slug: string;
  version: TPromptVersion;
  models: TModelVersion[];
  canRun: boolean;
  offlineLabel: string;
  /** name and versions (newest first) of the project's retrieval configs */
  retrievalConfigs: { name: string; versions: number[] }[];
  /** evals:write: a finished run can be saved as a dataset item */
  canAddToDataset: boolean;
  /** the project's dataset names */
  datasets: string[];
}) {
  const [form, setForm] = useState<PlaygroundForm>(() => ({
    prompt: version.name,
    version: version.version,
    modelVersionId: version.modelVersionId ?? "",
    variables: Object.fromEntries(version.variables.map((v) => [v.name, defaultText(v.default)])),
    context: "",
    retrieval: "",
    retrievalQuery: "",
    temperature: "",
    maxTokens: "",
  }));
  const { state, run, stop } = usePlaygroundRun(slug);
  const running = state.status === "running";
  const model = models.find((m) => m.id === form.modelVersionId);
  const fieldError = (f: string) => (state.status === "failed" ? state.fields?.[f] : undefined);
  const set = (patch: Partial<PlaygroundForm>) => setForm((f) => ({ ...f, ...patch }));
  const start = () => {
    if (canRun && !running) void run(toRunInput(form));
  };

  return (
    <form
      aria-label="Playground run"
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          start();
        }
      }}
    >
      <div className="space-y-5">
        <Field label="Model version" htmlFor="pg-model" error={fieldError("modelVersionId")}
          hint={version.modelVersionId && form.modelVersionId === version.modelVersionId ? "The model this version was validated against." : undefined}>
          <Select id="pg-model" value={form.modelVersionId} onChange={(e) => set({ modelVersionId: e.target.value })}>
            <option value="">Choose a model version</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>{m.displayName} ({m.providerModelId}){m.floating ? " — floating alias" : ""}</option>
            ))}
          </Select>
        </Field>
        {model ? (
          <div className="-mt-3 flex flex-wrap gap-1.5" data-testid="model-badges">
            {model.floating ? <Badge tone="red">floating alias</Badge> : null}
            {model.providerKind === "offline" ? <Badge tone="amber">{offlineLabel}</Badge> : null}
          </div>
        ) : null}

        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-medium">Variables</legend>
          {version.variables.length ? version.variables.map((v) => {
            const id = `pg-var-${v.name}`;
            const label = `${v.name}${v.required ? " (required)" : ""}`;
            const hint = [v.description, `${v.type}${v.default !== undefined ? `, default ${defaultText(v.default)}` : ""}`].filter(Boolean).join(" — ");
            const value = form.variables[v.name] ?? "";
            const onChange = (text: string) => set({ variables: { ...form.variables, [v.name]: text } });
            return (
              <Field key={v.name} label={label} htmlFor={id} hint={hint} error={fieldError(`variables.${v.name}`)}>
                {v.type === "boolean" ? (
                  <Select id={id} value={value} aria-required={v.required} onChange={(e) => onChange(e.target.value)}>
                    <option value="">—</option><option value="true">true</option><option value="false">false</option>
                  </Select>
                ) : v.type === "number" ? (
                  <Input id={id} type="number" inputMode="decimal" step="any" value={value} aria-required={v.required} onChange={(e) => onChange(e.target.value)} />
                ) : (
                  <textarea id={id} className={v.type === "json" ? `${area} font-mono` : area} rows={v.type === "json" ? 4 : 2} dir="auto"
                    value={value} aria-required={v.required} onChange={(e) => onChange(e.target.value)} />
                )}
              </Field>
            );
          }) : <p className="text-sm text-zinc-500">This version declares no variables.</p>}
        </fieldset>

        <div className="grid grid-cols-2 gap-3">
          <Field label="Retrieval config" htmlFor="pg-retrieval" error={fieldError("retrieval.config") ?? fieldError("retrieval")}
            hint="Retrieve context for the question before the call; the chunks are shown with the answer.">
            <Select id="pg-retrieval" value={form.retrieval} onChange={(e) => set({ retrieval: e.target.value })}>
              <option value="">None</option>
              {retrievalConfigs.flatMap((c) => c.versions.map((v) => <option key={`${c.name}@${v}`} value={`${c.name}@${v}`}>{c.name} v{v}</option>))}
            </Select>
          </Field>
          <Field label="Retrieval query" htmlFor="pg-retrieval-query" error={fieldError("retrieval.query")} hint="Defaults to the question variable.">
            <Input id="pg-retrieval-query" value={form.retrievalQuery} disabled={!form.retrieval} dir="auto" onChange={(e) => set({ retrievalQuery: e.target.value })} />
          </Field>
        </div>

        <Field label="Context chunks" htmlFor="pg-context" error={Object.entries(state.status === "failed" ? state.fields ?? {} : {}).find(([f]) => f.startsWith("contextChunks"))?.[1]}
          hint="Optional passages, one per paragraph (separate them with a blank line). Sent as retrieved context; a declared “context” variable left empty receives them.">
          <textarea id="pg-context" className={area} rows={5} dir="auto" value={form.context} onChange={(e) => set({ context: e.target.value })} />
        </Field>

        <div className="grid grid-cols-2 gap-3">
          <Field label="Temperature override" htmlFor="pg-temp" error={fieldError("params.temperature")} hint={`Version: ${version.params.temperature ?? "provider default"}`}>
            <Input id="pg-temp" type="number" inputMode="decimal" min={0} max={2} step={0.1} value={form.temperature} onChange={(e) => set({ temperature: e.target.value })} />
          </Field>
          <Field label="max_tokens override" htmlFor="pg-max" error={fieldError("params.max_tokens")} hint={`Version: ${version.params.max_tokens ?? "provider default"}`}>
            <Input id="pg-max" type="number" inputMode="numeric" min={1} step={1} value={form.maxTokens} onChange={(e) => set({ maxTokens: e.target.value })} />
          </Field>
        </div>

        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={!canRun || running} aria-keyshortcuts="Control+Enter Meta+Enter">
            <Play className="size-3.5" aria-hidden />Run
          </Button>
          {running ? (
            <Button type="button" variant="secondary" onClick={stop}><Square className="size-3.5" aria-hidden />Stop</Button>
          ) : null}
          <span className="text-xs text-zinc-500">{canRun ? "Ctrl+Enter (⌘+Enter) runs." : "Your role can view the playground but not run it: a run spends money at the provider (needs registry:write)."}</span>
        </div>
      </div>
      <Card title="Output">
        <RunOutput
          state={state}
          doneActions={state.status === "done" && canAddToDataset ? <AddToDataset slug={slug} datasets={datasets} run={state} variables={version.variables} /> : null}
        />
      </Card>
    </form>
  );
}
