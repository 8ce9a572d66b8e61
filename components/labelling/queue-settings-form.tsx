"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { QueueFormChoices } from "@/lib/labelling/queues-choices";
import type { TLabelQueue } from "@/lib/labelling/schemas";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useIssueForm } from "@/components/evals/use-issue-form";
import { useToastAction } from "@/components/ui/use-action-form";
import { sampleNowAction, updateQueueAction } from "@/app/(console)/p/[project]/labelling/[queueId]/settings/actions";
import { AssigneePicker } from "./queue-assignee-picker";
import { isoToLocal, localToIso } from "./queue-dates";

// A queue's settings (PATCH …/label-queues/{id}, ZUpdateLabelQueue). The server refuses fewer
// annotators than an item already has labels, and a rubric change once anyone has labelled.

const PLACED = [
  "name", "description", "scoreConfigVersionId", "annotatorsPerItem", "assigneeIds", "dueAt", "adjudicationThreshold", "lockMinutes",
  "cadenceMinutes", "ratePercent", "maxPerRun",
] as const;

export function QueueSettingsForm({ slug, queue, choices }: { slug: string; queue: TLabelQueue; choices: Pick<QueueFormChoices, "rubrics" | "labellers"> }) {
  const router = useRouter();
  const form = useIssueForm(PLACED);
  const toastAction = useToastAction();
  const s = queue.source;
  const repeating = s.kind !== "eval_run";
  const [name, setName] = useState(queue.name);
  const [description, setDescription] = useState(queue.description ?? "");
  const [versionId, setVersionId] = useState(queue.scoreConfigVersionId);
  const [annotators, setAnnotators] = useState(String(queue.annotatorsPerItem));
  const [threshold, setThreshold] = useState(String(queue.adjudicationThreshold));
  const [lockMinutes, setLockMinutes] = useState(String(queue.lockMinutes));
  const [dueAt, setDueAt] = useState(isoToLocal(queue.dueAt));
  const [assignees, setAssignees] = useState(queue.assignees.map((a) => a.id));
  const [cadence, setCadence] = useState(repeating ? String(s.cadenceMinutes) : "");
  const [rate, setRate] = useState(s.kind === "traces" ? String(s.ratePercent) : "");
  const [maxPerRun, setMaxPerRun] = useState(repeating ? String(s.maxPerRun) : "");
  const num = (v: string) => (v.trim() === "" ? undefined : Number(v));

  function save() {
    form.submit(
      () => updateQueueAction(slug, queue.id, {
        name, description: description || null, scoreConfigVersionId: versionId, annotatorsPerItem: num(annotators), assigneeIds: assignees,
        dueAt: dueAt ? localToIso(dueAt) : null, adjudicationThreshold: num(threshold), lockMinutes: num(lockMinutes),
        ...(repeating ? { cadenceMinutes: num(cadence), maxPerRun: num(maxPerRun) } : {}), ...(s.kind === "traces" ? { ratePercent: num(rate) } : {}),
      }),
      () => {
        toast.success("Settings saved");
        router.refresh();
      },
    );
  }

  const archived = queue.archivedAt !== null;
  const err = (p: string) => form.error(p);
  return (
    <div className="max-w-3xl space-y-6">
      <form aria-label="Queue settings" className="space-y-5" onSubmit={(e) => { e.preventDefault(); save(); }}>
        <div className="grid grid-cols-[16rem_minmax(0,1fr)] gap-3">
          <Field label="Name" htmlFor="settings-name" error={err("name")}>
            <Input id="settings-name" value={name} onChange={(e) => setName(e.target.value)} dir="auto" />
          </Field>
          <Field label="Description" htmlFor="settings-description" error={err("description")}>
            <Input id="settings-description" value={description} onChange={(e) => setDescription(e.target.value)} dir="auto" />
          </Field>
        </div>
        <Field label="Rubric version" htmlFor="settings-rubric" hint="Changes only before anyone has labelled" error={err("scoreConfigVersionId")}>
          <Select id="settings-rubric" value={versionId} onChange={(e) => setVersionId(e.target.value)}>
            {choices.rubrics.map((r) => (
              <optgroup key={r.id} label={r.name}>
                {r.versions.map((v) => <option key={v.id} value={v.id}>{r.name} v{v.version}</option>)}
              </optgroup>
            ))}
          </Select>
        </Field>
        <div className="grid grid-cols-4 gap-3">
          <Field label="Annotators per item" htmlFor="settings-annotators" hint="More adds places to items not yet gold" error={err("annotatorsPerItem")}>
            <Input id="settings-annotators" type="number" min={1} max={5} value={annotators} onChange={(e) => setAnnotators(e.target.value)} />
          </Field>
          <Field label="Adjudication threshold" htmlFor="settings-threshold" error={err("adjudicationThreshold")}>
            <Input id="settings-threshold" type="number" step="any" min={0} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
          </Field>
          <Field label="Claim lock (minutes)" htmlFor="settings-lock" error={err("lockMinutes")}>
            <Input id="settings-lock" type="number" min={1} value={lockMinutes} onChange={(e) => setLockMinutes(e.target.value)} />
          </Field>
          <Field label="Due" htmlFor="settings-due" hint="Your local time; empty for none" error={err("dueAt")}>
            <Input id="settings-due" type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
          </Field>
        </div>
        {repeating ? (
          <div className="grid grid-cols-4 gap-3">
            <Field label="Every (minutes)" htmlFor="settings-cadence" error={err("cadenceMinutes")}>
              <Input id="settings-cadence" type="number" min={1} value={cadence} onChange={(e) => setCadence(e.target.value)} />
            </Field>
            {s.kind === "traces" ? (
              <Field label="Rate (%)" htmlFor="settings-rate" error={err("ratePercent")}>
                <Input id="settings-rate" type="number" step="any" min={0} max={100} value={rate} onChange={(e) => setRate(e.target.value)} />
              </Field>
            ) : null}
            <Field label="At most per run" htmlFor="settings-max" error={err("maxPerRun")}>
              <Input id="settings-max" type="number" min={1} value={maxPerRun} onChange={(e) => setMaxPerRun(e.target.value)} />
            </Field>
          </div>
        ) : null}
        <AssigneePicker people={choices.labellers} value={assignees} onChange={setAssignees} error={err("assigneeIds")} />
        {form.formError ? <p role="alert" className="text-sm text-red-600">{form.formError}</p> : null}
        <Button type="submit" disabled={form.pending}>Save settings</Button>
      </form>

      <section aria-labelledby="queue-lifecycle" className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <h2 id="queue-lifecycle" className="text-sm font-medium">{archived ? "Archived" : "Sampling and archive"}</h2>
        <p className="text-xs text-zinc-500">
          {archived ? "An archived queue is hidden from the list and not sampled." : repeating ? "Archiving stops sampling; labels and gold items stay." : "Archiving hides the queue from the list; labels and gold items stay."}
        </p>
        <div className="flex gap-2">
          {repeating && !archived ? (
            <Button type="button" variant="secondary" size="sm" disabled={toastAction.pending} onClick={() => toastAction.run(() => sampleNowAction(slug, queue.id), () => "Sampling queued; new items appear within a minute")}>
              Sample now
            </Button>
          ) : null}
          <Button
            type="button" variant={archived ? "secondary" : "danger"} size="sm" disabled={toastAction.pending}
            onClick={() => toastAction.run(async () => {
              const r = await updateQueueAction(slug, queue.id, { archived: !archived });
              if (r.ok) router.refresh();
              return r;
            }, (d) => (d.archived ? "Queue archived" : "Queue restored"))}
          >
            {archived ? "Unarchive" : "Archive queue"}
          </Button>
        </div>
      </section>
    </div>
  );
}
