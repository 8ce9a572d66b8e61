"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateObservabilityAction } from "@/app/(console)/p/[project]/settings/general/actions";

interface Settings {
  traceRetentionDays: number;
  scrubFailClosed: boolean;
  loopToolCallLimit: number;
  guardModelVersionId: string | null;
}

/** Span retention, the scrubber's failure mode and the loop flag's limit (project:write to change). */
export function ObservabilityForm({ slug, initial, models, editable }: {
  slug: string;
  initial: Settings;
  models: { id: string; displayName: string; providerModelId: string }[];
  editable: boolean;
}) {
  const { pending, errors, formError, submit } = useActionForm();
  return (
    <form
      className="grid gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        submit(
          () => updateObservabilityAction(slug, {
            traceRetentionDays: data.get("traceRetentionDays"),
            loopToolCallLimit: data.get("loopToolCallLimit"),
            scrubFailClosed: data.get("scrubFailClosed") === "on",
            guardModelVersionId: data.get("guardModelVersionId") || null,
          }),
          () => toast.success("Observability settings saved"),
        );
      }}
    >
      <div className="grid grid-cols-2 gap-3">
        <Field label="Keep spans for (days)" htmlFor="retention" error={errors.traceRetentionDays} hint="Older spans and traces are deleted hourly; daily cost rollups are kept.">
          <Input id="retention" name="traceRetentionDays" type="number" min={1} max={3650} defaultValue={initial.traceRetentionDays} required disabled={!editable} />
        </Field>
        <Field label="Loop flag after (calls of one tool)" htmlFor="loop-limit" error={errors.loopToolCallLimit} hint="A trace calling one tool more often than this is flagged as a loop.">
          <Input id="loop-limit" name="loopToolCallLimit" type="number" min={1} max={1000} defaultValue={initial.loopToolCallLimit} required disabled={!editable} />
        </Field>
      </div>
      <Field
        label="Injection second opinion"
        htmlFor="guard-model"
        error={errors.guardModelVersionId}
        hint="Texts the rules score near the threshold (0.3–0.7) are shown to this model, whose verdict decides the flag; at most 16 per batch, 10 s."
      >
        <Select id="guard-model" name="guardModelVersionId" defaultValue={initial.guardModelVersionId ?? ""} disabled={!editable}>
          <option value="">None — rules only</option>
          {models.map((m) => <option key={m.id} value={m.id}>{m.displayName} ({m.providerModelId})</option>)}
        </Select>
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="scrubFailClosed" defaultChecked={initial.scrubFailClosed} disabled={!editable} className="mt-0.5 size-3.5" />
        <span>
          Fail closed: if the PII scrubber errors on a text, drop that text instead of storing it unscrubbed
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">The span is kept and marked; only the text the scrubber could not clean is lost.</span>
        </span>
      </label>
      {formError ? <p role="alert" className="text-xs text-red-600 dark:text-red-400">{formError}</p> : null}
      {editable ? <div><Button type="submit" variant="secondary" disabled={pending}>Save</Button></div> : null}
    </form>
  );
}
