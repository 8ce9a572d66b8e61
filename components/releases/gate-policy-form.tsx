"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Plus, X } from "lucide-react";
import type { GateRules } from "@/lib/releases/types";
import { saveGatePolicyAction } from "@/app/(console)/p/[project]/releases/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { RULE_SECTIONS, fieldValue, rulesFromForm } from "./gate-policy-fields";

/** The project's gate policy as a form; saving writes a new version (project:write). */
export function GatePolicyForm({ slug, rules, editable }: { slug: string; rules: GateRules; editable: boolean }) {
  const router = useRouter();
  const { pending, errors, formError, submit } = useActionForm();
  const [judge, setJudge] = useState(() => Object.entries(rules.minJudgeScore ?? {}).map(([dimension, min]) => ({ dimension, min: String(min) })));
  const setRow = (i: number, patch: Partial<(typeof judge)[number]>) => setJudge((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <form
      className="grid gap-5"
      aria-label="Gate policy"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const values: Record<string, string | boolean> = {};
        for (const f of RULE_SECTIONS.flatMap((s) => s.fields)) {
          const el = form.elements.namedItem(f.key) as HTMLInputElement | null;
          if (el) values[f.key] = f.kind === "boolean" ? el.checked : el.value;
        }
        submit(() => saveGatePolicyAction(slug, rulesFromForm(values, judge)), (saved) => {
          toast.success(`Gate policy v${saved.version} saved`);
          router.refresh();
        });
      }}
    >
      <fieldset className="grid gap-2" disabled={!editable}>
        <legend className="mb-1 text-sm font-medium">Judge scores</legend>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Minimum mean judge score per rubric dimension (1–5), the lowest across the release&apos;s eval runs.</p>
        {judge.map((row, i) => (
          <div key={i} className="flex items-end gap-2">
            <div className="w-56">
              <Field label={`Dimension ${i + 1}`} htmlFor={`judge-dim-${i}`}>
                <Input id={`judge-dim-${i}`} value={row.dimension} onChange={(e) => setRow(i, { dimension: e.target.value })} placeholder="faithfulness" />
              </Field>
            </div>
            <div className="w-32">
              <Field label={`Minimum ${i + 1}`} htmlFor={`judge-min-${i}`}>
                <Input id={`judge-min-${i}`} type="number" step="0.1" min={1} max={5} value={row.min} onChange={(e) => setRow(i, { min: e.target.value })} />
              </Field>
            </div>
            {editable ? (
              <Button type="button" variant="ghost" size="sm" aria-label={`Remove dimension ${i + 1}`} onClick={() => setJudge((rows) => rows.filter((_, j) => j !== i))}>
                <X className="size-3.5" aria-hidden />
              </Button>
            ) : null}
          </div>
        ))}
        {errors.minJudgeScore ? <p role="alert" className="text-xs text-red-600 dark:text-red-400">{errors.minJudgeScore}</p> : null}
        {editable ? (
          <div>
            <Button type="button" variant="secondary" size="sm" onClick={() => setJudge((rows) => [...rows, { dimension: "", min: "" }])}>
              <Plus className="size-3.5" aria-hidden /> Add a dimension
            </Button>
          </div>
        ) : null}
      </fieldset>

      {RULE_SECTIONS.map((section) => (
        <fieldset key={section.title} className="grid gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800" disabled={!editable}>
          <legend className="float-left mb-1 text-sm font-medium">{section.title}</legend>
          <div className="clear-both grid grid-cols-2 gap-3">
            {section.fields.filter((f) => f.kind !== "boolean").map((f) => (
              <Field key={f.key} label={f.label} htmlFor={`rule-${f.key}`} hint={f.hint || undefined} error={errors[f.key]}>
                <Input
                  id={`rule-${f.key}`}
                  name={f.key}
                  type={f.kind === "list" ? "text" : "number"}
                  step={f.kind === "int" ? "1" : f.step ?? "any"}
                  defaultValue={fieldValue(rules, f) as string}
                />
              </Field>
            ))}
          </div>
          {section.fields.filter((f) => f.kind === "boolean").map((f) => (
            <label key={f.key} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name={f.key} defaultChecked={fieldValue(rules, f) as boolean} className="mt-0.5 size-3.5" />
              <span>
                {f.label}
                {f.hint ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">{f.hint}</span> : null}
                {errors[f.key] ? <span role="alert" className="block text-xs text-red-600 dark:text-red-400">{errors[f.key]}</span> : null}
              </span>
            </label>
          ))}
        </fieldset>
      ))}

      {formError ? <p role="alert" className="text-xs text-red-600 dark:text-red-400">{formError}</p> : null}
      {editable ? <div><Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save as a new version"}</Button></div> : null}
    </form>
  );
}
