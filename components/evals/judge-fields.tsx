"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { latestVersionOf, promptModel, type NewRunChoices, type RunDraft } from "./run-form";

const area = "block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

type ErrorFn = (path: string, opts?: { exact?: boolean; except?: string[] }) => string | undefined;

/** The optional LLM judge: a registry prompt on a model version, and the rubric it scores 1–5. */
export function JudgeFields({ choices, draft, set, error }: { choices: NewRunChoices; draft: RunDraft; set: (patch: Partial<RunDraft>) => void; error: ErrorFn }) {
  const versions = choices.prompts.find((p) => p.name === draft.judgePrompt)?.versions ?? [];
  const setRubric = (i: number, patch: Partial<RunDraft["rubric"][number]>) => set({ rubric: draft.rubric.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const rubricError = error("judge.rubric.dimensions", { exact: true }) ?? error("judge.rubric", { exact: true });
  const otherJudgeError = error("judge", { except: ["judge.prompt", "judge.modelVersionId", "judge.rubric", "judge.passAt"] });
  return (
    <fieldset className="space-y-3">
      <legend className="sr-only">LLM judge</legend>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={draft.judge} onChange={(e) => set({ judge: e.target.checked })} />
        Grade with an LLM judge
      </label>
      {draft.judge ? (
        <div className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <div className="grid grid-cols-[2fr_1fr_2fr_1fr] gap-3">
            <Field label="Judge prompt" htmlFor="run-judge-prompt" error={error("judge.prompt")}>
              <Select id="run-judge-prompt" value={draft.judgePrompt} onChange={(e) => {
                const name = e.target.value;
                const version = latestVersionOf(choices.prompts, name);
                set({ judgePrompt: name, judgePromptVersion: version, judgeModelVersionId: promptModel(choices, name, version) || draft.judgeModelVersionId });
              }}>
                <option value="">Choose a prompt</option>
                {choices.prompts.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
              </Select>
            </Field>
            <Field label="Version" htmlFor="run-judge-version">
              <Select id="run-judge-version" value={draft.judgePromptVersion} onChange={(e) => set({ judgePromptVersion: e.target.value })}>
                {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
              </Select>
            </Field>
            <Field label="Judge model" htmlFor="run-judge-model" error={error("judge.modelVersionId")}>
              <Select id="run-judge-model" value={draft.judgeModelVersionId} onChange={(e) => set({ judgeModelVersionId: e.target.value })}>
                <option value="">Choose a model version</option>
                {choices.models.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
              </Select>
            </Field>
            <Field label="Pass at" htmlFor="run-judge-pass" hint="1–5" error={error("judge.passAt")}>
              <Input id="run-judge-pass" type="number" min={1} max={5} step={1} value={draft.passAt} onChange={(e) => set({ passAt: e.target.value })} />
            </Field>
          </div>
          <div className="space-y-2">
            <p className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Rubric dimensions <span className="font-normal text-zinc-500">— each scored 1 (worst) to 5 (best), with reasoning</span></p>
            <ol className="space-y-2">
              {draft.rubric.map((d, i) => {
                const rowError = error(`judge.rubric.dimensions.${i}`);
                return (
                  <li key={i} className="grid grid-cols-[12rem_1fr_auto] items-start gap-2">
                    <div>
                      <label htmlFor={`run-dim-${i}-name`} className="sr-only">Dimension {i + 1} name</label>
                      <Input id={`run-dim-${i}-name`} value={d.name} onChange={(e) => setRubric(i, { name: e.target.value })} placeholder="name" className="font-mono text-xs" aria-invalid={rowError ? true : undefined} />
                    </div>
                    <div>
                      <label htmlFor={`run-dim-${i}-desc`} className="sr-only">Dimension {i + 1} description</label>
                      <textarea id={`run-dim-${i}-desc`} className={area} rows={2} dir="auto" value={d.description} onChange={(e) => setRubric(i, { description: e.target.value })} placeholder="What a 5 and a 1 mean" />
                      {rowError ? <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">{rowError}</p> : null}
                    </div>
                    <Button type="button" variant="ghost" size="sm" onClick={() => set({ rubric: draft.rubric.filter((_, j) => j !== i) })} aria-label={`Remove dimension ${d.name || i + 1}`}><X className="size-3.5" aria-hidden /></Button>
                  </li>
                );
              })}
            </ol>
            <div className="flex gap-2">
              <Button type="button" variant="secondary" size="sm" onClick={() => set({ rubric: [...draft.rubric, { name: "", description: "" }] })}><Plus className="size-3.5" aria-hidden />Add dimension</Button>
              <Button type="button" variant="ghost" size="sm" onClick={() => set({ rubric: choices.defaultRubric.map((d) => ({ ...d })) })}>Reset to default</Button>
            </div>
            {rubricError ? <p role="alert" className="text-xs text-red-600 dark:text-red-400">{rubricError}</p> : null}
          </div>
          {otherJudgeError ? <p role="alert" className="text-xs text-red-600 dark:text-red-400">{otherJudgeError}</p> : null}
        </div>
      ) : null}
    </fieldset>
  );
}
