"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Play } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { createEvalRunAction } from "@/app/(console)/p/[project]/evals/actions";
import { JudgeFields } from "./judge-fields";
import { initialDraft, lastRetrieval, latestVersionOf, promptModel, toCreateInput, type NewRunChoices, type RunDraft } from "./run-form";
import { ScorerList } from "./scorer-list";
import { useIssueForm } from "./use-issue-form";

// Every top-level field of ZCreateEvalRun has a place in this form for its error.
const PLACED = ["name", "dataset", "datasetVersion", "prompt", "modelVersionId", "retrieval", "scorers", "judge", "repeats", "costCapUsd", "baselineRunId"] as const;

export function NewRunDialog({ slug, choices, dataset }: { slug: string; choices: NewRunChoices; dataset?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<RunDraft>(() => initialDraft(choices, { dataset }));
  const form = useIssueForm(PLACED);
  const formRef = useRef<HTMLFormElement>(null);
  // a long form: the first message may be far from the Start button, so bring it into view
  useEffect(() => {
    if (form.failures) formRef.current?.querySelector('[role="alert"]')?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [form.failures]);
  const set = (patch: Partial<RunDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const datasetVersions = choices.datasets.find((d) => d.name === draft.dataset)?.versions ?? [];
  const promptVersions = choices.prompts.find((p) => p.name === draft.prompt)?.versions ?? [];
  const ownModel = promptModel(choices, draft.prompt, draft.promptVersion);
  const baselines = choices.runs.filter((r) => r.dataset === draft.dataset);

  function submit() {
    const { input, issues } = toCreateInput(draft, choices.scorers);
    if (issues.length) return form.fail("Fix the highlighted fields.", issues);
    form.submit(
      () => createEvalRunAction(slug, input),
      (run) => {
        toast.success(`Run “${run.name}” queued`);
        setOpen(false);
        router.push(`/p/${slug}/evals/${run.id}`);
      },
    );
  }

  if (!choices.datasets.length || !choices.prompts.length) {
    return <Button size="sm" disabled title="Create a dataset with items and a prompt first"><Play className="size-4" aria-hidden />New run</Button>;
  }

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) form.clear(); }}>
      <DialogTrigger asChild>
        <Button size="sm"><Play className="size-4" aria-hidden />New run</Button>
      </DialogTrigger>
      <DialogContent size="wide" title="New eval run" description="Runs a prompt version on a model over every item of a dataset version, in a background worker. Scorers and the judge grade each answer.">
        <form ref={formRef} className="space-y-5" aria-label="New eval run" onSubmit={(e) => { e.preventDefault(); submit(); }}
          onKeyDown={(e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); e.currentTarget.requestSubmit(); } }}>
          <div className="grid grid-cols-4 gap-3">
            <div className="col-span-4">
              <Field label="Name" htmlFor="run-name" hint="Optional; defaults to prompt, version and model" error={form.error("name")}>
                <Input id="run-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} dir="auto" />
              </Field>
            </div>
            <div className="col-span-3">
              <Field label="Dataset" htmlFor="run-dataset" error={form.error("dataset")}>
                <Select id="run-dataset" value={draft.dataset} onChange={(e) => {
                  const name = e.target.value;
                  set({ dataset: name, datasetVersion: latestVersionOf(choices.datasets, name), baselineRunId: "", retrieval: lastRetrieval(choices, name) });
                }}>
                  {choices.datasets.map((d) => <option key={d.name} value={d.name}>{d.name}</option>)}
                </Select>
              </Field>
            </div>
            <Field label="Dataset version" htmlFor="run-dataset-version" error={form.error("datasetVersion")}>
              <Select id="run-dataset-version" value={draft.datasetVersion} onChange={(e) => set({ datasetVersion: e.target.value })}>
                {datasetVersions.map((v) => <option key={v.version} value={v.version}>v{v.version} · {v.itemCount} items</option>)}
              </Select>
            </Field>
            <div className="col-span-3">
              <Field label="Prompt" htmlFor="run-prompt" error={form.error("prompt")}>
                <Select id="run-prompt" value={draft.prompt} onChange={(e) => {
                  const name = e.target.value;
                  const version = latestVersionOf(choices.prompts, name);
                  set({ prompt: name, promptVersion: version, modelVersionId: promptModel(choices, name, version) });
                }}>
                  {choices.prompts.map((p) => <option key={p.name} value={p.name}>{p.name}</option>)}
                </Select>
              </Field>
            </div>
            <Field label="Prompt version" htmlFor="run-prompt-version">
              <Select id="run-prompt-version" value={draft.promptVersion} onChange={(e) => set({ promptVersion: e.target.value, modelVersionId: promptModel(choices, draft.prompt, e.target.value) })}>
                {promptVersions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
              </Select>
            </Field>
            <div className="col-span-2">
              <Field label="Model version" htmlFor="run-model" error={form.error("modelVersionId")}
                hint={ownModel && draft.modelVersionId === ownModel ? "The model this prompt version names." : ownModel ? "Differs from the model this prompt version names." : "This prompt version names no model; choose one."}>
                <Select id="run-model" value={draft.modelVersionId} onChange={(e) => set({ modelVersionId: e.target.value })}>
                  <option value="">Choose a model version</option>
                  {choices.models.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
                </Select>
              </Field>
            </div>
            <div className="col-span-2">
              <Field label="Retrieval config" htmlFor="run-retrieval" error={form.error("retrieval")}
                hint={draft.retrieval && draft.retrieval === lastRetrieval(choices, draft.dataset) ? "As in the last run on this dataset" : "Optional: retrieve context for each item"}>
                <Select id="run-retrieval" value={draft.retrieval} onChange={(e) => set({ retrieval: e.target.value })}>
                  <option value="">None (use the items’ own context)</option>
                  {choices.retrievalConfigs.flatMap((c) => c.versions.map((v) => <option key={`${c.name}@${v}`} value={`${c.name}@${v}`}>{c.name} v{v}</option>))}
                </Select>
              </Field>
            </div>
          </div>

          <ScorerList choices={choices.scorers} scorers={draft.scorers} onChange={(scorers) => set({ scorers })} error={form.error} />
          <JudgeFields choices={choices} draft={draft} set={set} error={form.error} />

          <div className="grid grid-cols-4 gap-3">
            <Field label="Repeats" htmlFor="run-repeats" hint="Runs of each item; more repeats show variance" error={form.error("repeats")}>
              <Input id="run-repeats" type="number" min={1} max={10} step={1} value={draft.repeats} onChange={(e) => set({ repeats: e.target.value })} />
            </Field>
            <Field label="Cost cap (USD)" htmlFor="run-cost-cap" hint="Optional; the run stops when it is reached" error={form.error("costCapUsd")}>
              <Input id="run-cost-cap" type="number" min={0} step="any" inputMode="decimal" value={draft.costCapUsd} onChange={(e) => set({ costCapUsd: e.target.value })} placeholder="no cap" />
            </Field>
            <div className="col-span-2">
              <Field label="Baseline run" htmlFor="run-baseline" hint="Optional: an earlier run on this dataset to compare with" error={form.error("baselineRunId")}>
                <Select id="run-baseline" value={draft.baselineRunId} onChange={(e) => set({ baselineRunId: e.target.value })}>
                  <option value="">None</option>
                  {baselines.map((r) => <option key={r.id} value={r.id}>{r.name} · {r.status} · {r.createdAt.slice(0, 10)}</option>)}
                </Select>
              </Field>
            </div>
          </div>

          <div className="sticky -bottom-4 -mx-5 -mb-4 space-y-2 border-t border-zinc-200 bg-white px-5 py-3 dark:border-zinc-800 dark:bg-zinc-900">
            <DialogFormFooter pending={form.pending} formError={form.formError} submitLabel="Start run" pendingLabel="Starting…" />
            <p className="text-right text-xs text-zinc-500">Ctrl/⌘ + Enter starts the run</p>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
