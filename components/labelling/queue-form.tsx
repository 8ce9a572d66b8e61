"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { QueueFormChoices } from "@/lib/labelling/queues-choices";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useIssueForm } from "@/components/evals/use-issue-form";
import { createQueueAction } from "@/app/(console)/p/[project]/labelling/new/actions";
import { AssigneePicker } from "./queue-assignee-picker";
import { localToIso } from "./queue-dates";

// Creates a labelling queue. The body is exactly the API's (ZCreateLabelQueue), validated by the same
// schema on the server; each message appears under its field.

const PLACED = ["name", "description", "scoreConfigVersionId", "annotatorsPerItem", "assigneeIds", "dueAt", "adjudicationThreshold", "lockMinutes", "source"] as const;
type Kind = "eval_run" | "traces" | "feedback";
type Mode = "all" | "sample" | "low_confidence" | "disagreement";

const MODES: { value: Mode; label: string; hint: string }[] = [
  { value: "all", label: "All items", hint: "every item of the run" },
  { value: "sample", label: "Random sample", hint: "a seeded sample: the same seed picks the same items" },
  { value: "low_confidence", label: "Judge least confident", hint: "repeats that disagree most, then scores nearest the pass threshold" },
  { value: "disagreement", label: "Judge vs heuristics", hint: "where the judge and the heuristic scorers disagree most" },
];

export interface QueuePrefill { runId?: string; mode?: string; name?: string }

export function QueueForm({ slug, choices, prefill }: { slug: string; choices: QueueFormChoices; prefill: QueuePrefill }) {
  const router = useRouter();
  const form = useIssueForm(PLACED);
  const preRun = choices.runs.find((r) => r.id === prefill.runId);
  const [name, setName] = useState(prefill.name ?? (preRun ? `Review of ${preRun.name}` : ""));
  const [description, setDescription] = useState("");
  const [versionId, setVersionId] = useState(choices.rubrics[0]?.versions[0]?.id ?? "");
  const [annotators, setAnnotators] = useState("2");
  const [threshold, setThreshold] = useState("1");
  const [lockMinutes, setLockMinutes] = useState("30");
  const [dueAt, setDueAt] = useState("");
  const [assignees, setAssignees] = useState<string[]>([]);
  const [kind, setKind] = useState<Kind>("eval_run");
  const [runId, setRunId] = useState(preRun?.id ?? choices.runs[0]?.id ?? "");
  const [mode, setMode] = useState<Mode>(MODES.some((m) => m.value === prefill.mode) ? (prefill.mode as Mode) : "all");
  const [size, setSize] = useState("20");
  const [seed, setSeed] = useState("");
  const [rate, setRate] = useState("10");
  const [strata, setStrata] = useState<string[]>(["language", "score_bucket"]);
  const [environment, setEnvironment] = useState("production");
  const [cadence, setCadence] = useState("60");
  const [maxPerRun, setMaxPerRun] = useState("50");

  const num = (v: string) => (v.trim() === "" ? undefined : Number(v));

  function source() {
    if (kind === "eval_run") return { kind, runId, mode, ...(mode === "all" ? {} : { size: num(size) }), ...(seed.trim() ? { seed: num(seed) } : {}) };
    if (kind === "traces") return { kind, ratePercent: num(rate), strata, ...(environment ? { environment } : {}), cadenceMinutes: num(cadence), maxPerRun: num(maxPerRun) };
    return { kind, cadenceMinutes: num(cadence), maxPerRun: num(maxPerRun) };
  }

  function submit() {
    const due = dueAt ? localToIso(dueAt) : undefined;
    form.submit(
      () => createQueueAction(slug, {
        name, description: description || undefined, scoreConfigVersionId: versionId, annotatorsPerItem: num(annotators), assigneeIds: assignees,
        dueAt: due, adjudicationThreshold: num(threshold), lockMinutes: num(lockMinutes), source: source(),
      }),
      (q) => {
        toast.success(kind === "eval_run" ? `Queue ${q.name} created with ${q.items} items` : `Queue ${q.name} created; the first sample arrives within a minute`);
        router.push(`/p/${slug}/labelling`);
      },
    );
  }

  const err = (path: string) => form.error(path);
  return (
    <form aria-label="New labelling queue" className="max-w-3xl space-y-6" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <div className="grid grid-cols-[16rem_minmax(0,1fr)] gap-3">
        <Field label="Name" htmlFor="queue-name" error={err("name")}>
          <Input id="queue-name" value={name} onChange={(e) => setName(e.target.value)} dir="auto" autoComplete="off" />
        </Field>
        <Field label="Description" htmlFor="queue-description" hint="Optional" error={err("description")}>
          <Input id="queue-description" value={description} onChange={(e) => setDescription(e.target.value)} dir="auto" />
        </Field>
      </div>

      <Field label="Rubric version" htmlFor="queue-rubric" hint={choices.rubrics.length ? "The queue keeps this version; later versions do not change it" : undefined} error={err("scoreConfigVersionId")}>
        {choices.rubrics.length ? (
          <Select id="queue-rubric" value={versionId} onChange={(e) => setVersionId(e.target.value)}>
            {choices.rubrics.map((r) => (
              <optgroup key={r.id} label={r.name}>
                {r.versions.map((v, i) => <option key={v.id} value={v.id}>{r.name} v{v.version}{i === 0 ? " (latest)" : ""}</option>)}
              </optgroup>
            ))}
          </Select>
        ) : (
          <p id="queue-rubric" className="text-sm text-zinc-500">No rubric yet. <a className="underline" href={`/p/${slug}/labelling/rubrics`}>Create one first.</a></p>
        )}
      </Field>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Source</legend>
        <div role="radiogroup" aria-label="Source kind" className="flex gap-4 text-sm">
          {([["eval_run", "Eval run"], ["traces", "Production traces"], ["feedback", "Negative feedback"]] as const).map(([value, label]) => (
            <label key={value} className="flex items-center gap-1.5">
              <input type="radio" name="queue-source-kind" value={value} checked={kind === value} onChange={() => setKind(value)} />{label}
            </label>
          ))}
        </div>
        {err("source") && !err("source.runId") && !err("source.size") ? <p role="alert" className="text-xs text-red-600">{err("source")}</p> : null}
        {kind === "eval_run" ? (
          <div className="grid grid-cols-[16rem_8rem_8rem_minmax(0,1fr)] gap-3">
            <div className="col-span-4">
              <Field label="Run" htmlFor="queue-run" error={err("source.runId")}>
                <Select id="queue-run" value={runId} onChange={(e) => setRunId(e.target.value)}>
                  {choices.runs.length ? null : <option value="">No finished eval runs</option>}
                  {choices.runs.map((r) => <option key={r.id} value={r.id}>{r.name} · {r.dataset} · {r.status} · {r.createdAt.slice(0, 10)}</option>)}
                </Select>
              </Field>
            </div>
            <Field label="Which items" htmlFor="queue-mode" hint={MODES.find((m) => m.value === mode)?.hint} error={err("source.mode")}>
              <Select id="queue-mode" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
                {MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
              </Select>
            </Field>
            {mode === "all" ? null : (
              <>
                <Field label="How many" htmlFor="queue-size" error={err("source.size")}>
                  <Input id="queue-size" type="number" min={1} value={size} onChange={(e) => setSize(e.target.value)} />
                </Field>
                {mode === "sample" ? (
                  <Field label="Seed" htmlFor="queue-seed" hint="Optional" error={err("source.seed")}>
                    <Input id="queue-seed" type="number" value={seed} onChange={(e) => setSeed(e.target.value)} />
                  </Field>
                ) : null}
              </>
            )}
          </div>
        ) : (
          <div className="grid grid-cols-4 gap-3">
            {kind === "traces" ? (
              <>
                <Field label="Rate (%)" htmlFor="queue-rate" hint="of each stratum, at least one" error={err("source.ratePercent")}>
                  <Input id="queue-rate" type="number" step="any" min={0} max={100} value={rate} onChange={(e) => setRate(e.target.value)} />
                </Field>
                <Field label="Environment" htmlFor="queue-environment" error={err("source.environment")}>
                  <Select id="queue-environment" value={environment} onChange={(e) => setEnvironment(e.target.value)}>
                    <option value="">Any</option>
                    {choices.environments.map((e) => <option key={e} value={e}>{e}</option>)}
                  </Select>
                </Field>
              </>
            ) : null}
            <Field label="Every (minutes)" htmlFor="queue-cadence" hint="how often the sampler runs" error={err("source.cadenceMinutes")}>
              <Input id="queue-cadence" type="number" min={1} value={cadence} onChange={(e) => setCadence(e.target.value)} />
            </Field>
            <Field label="At most per run" htmlFor="queue-max" error={err("source.maxPerRun")}>
              <Input id="queue-max" type="number" min={1} value={maxPerRun} onChange={(e) => setMaxPerRun(e.target.value)} />
            </Field>
            {kind === "traces" ? (
              <fieldset className="col-span-4 flex items-center gap-4 text-sm">
                <legend className="mb-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">Strata</legend>
                {([["language", "Language"], ["score_bucket", "Feedback (negative / positive / none)"]] as const).map(([value, label]) => (
                  <label key={value} className="flex items-center gap-1.5">
                    <input type="checkbox" checked={strata.includes(value)} onChange={(e) => setStrata((s) => (e.target.checked ? [...s, value] : s.filter((x) => x !== value)))} />{label}
                  </label>
                ))}
              </fieldset>
            ) : null}
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Reviewing</legend>
        <div className="grid grid-cols-4 gap-3">
          <Field label="Annotators per item" htmlFor="queue-annotators" hint="1 to 5" error={err("annotatorsPerItem")}>
            <Input id="queue-annotators" type="number" min={1} max={5} value={annotators} onChange={(e) => setAnnotators(e.target.value)} />
          </Field>
          <Field label="Adjudication threshold" htmlFor="queue-threshold" hint="scale spread that needs an adjudicator" error={err("adjudicationThreshold")}>
            <Input id="queue-threshold" type="number" step="any" min={0} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
          </Field>
          <Field label="Claim lock (minutes)" htmlFor="queue-lock" error={err("lockMinutes")}>
            <Input id="queue-lock" type="number" min={1} value={lockMinutes} onChange={(e) => setLockMinutes(e.target.value)} />
          </Field>
          <Field label="Due" htmlFor="queue-due" hint="Optional, your local time" error={err("dueAt")}>
            <Input id="queue-due" type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
          </Field>
        </div>
        <AssigneePicker people={choices.labellers} value={assignees} onChange={setAssignees} error={err("assigneeIds")} />
      </fieldset>

      {form.formError ? <p role="alert" className="text-sm text-red-600">{form.formError}</p> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending || !choices.rubrics.length}>Create queue</Button>
        <Button type="button" variant="ghost" onClick={() => router.push(`/p/${slug}/labelling`)}>Cancel</Button>
      </div>
    </form>
  );
}
