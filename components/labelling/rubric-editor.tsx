"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus, X } from "lucide-react";
import { toast } from "sonner";
import type { RubricDimension } from "@/lib/labelling/rubric";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useIssueForm } from "@/components/evals/use-issue-form";
import { createRubricAction, createRubricVersionAction } from "@/app/(console)/p/[project]/labelling/rubrics/actions";

// Writes a new rubric, or the next version of one (starting from its latest). The server validates
// with the same schema as the API (lib/labelling/schemas.ts); its messages appear under each field.

const PLACED = ["name", "description", "dimensions", "guidelines", "changelog"] as const;
const textarea =
  "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900";

interface Row { name: string; kind: RubricDimension["kind"]; min: string; max: string; categories: string; guidelines: string }

const toRow = (d: RubricDimension): Row => ({
  name: d.name, kind: d.kind, min: d.kind === "scale" ? String(d.min) : "1", max: d.kind === "scale" ? String(d.max) : "5",
  categories: d.kind === "categorical" ? d.categories.join(", ") : "", guidelines: d.guidelines,
});
const blank = (): Row => ({ name: "", kind: "scale", min: "1", max: "5", categories: "", guidelines: "" });

function toDimension(r: Row): Record<string, unknown> {
  const base = { name: r.name.trim(), kind: r.kind, guidelines: r.guidelines };
  if (r.kind === "scale") return { ...base, min: Number(r.min), max: Number(r.max) };
  if (r.kind === "categorical") return { ...base, categories: r.categories.split(",").map((c) => c.trim()).filter(Boolean) };
  return base;
}

export function RubricEditor({ slug, rubric }: { slug: string; rubric?: { id: string; name: string; dimensions: RubricDimension[]; guidelines: string } }) {
  const router = useRouter();
  const id = rubric ? `rubric-${rubric.id}` : "rubric-new";
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [rows, setRows] = useState<Row[]>(rubric ? rubric.dimensions.map(toRow) : [blank()]);
  const [guidelines, setGuidelines] = useState(rubric?.guidelines ?? "");
  const [changelog, setChangelog] = useState("");
  const form = useIssueForm(PLACED);
  const setRow = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  function submit() {
    const dimensions = rows.map(toDimension);
    if (rubric) {
      form.submit(() => createRubricVersionAction(slug, rubric.id, { dimensions, guidelines, changelog }), (r) => {
        toast.success(`${r.name} v${r.version} saved`);
        setChangelog("");
        router.refresh();
      });
    } else {
      form.submit(() => createRubricAction(slug, { name, description: description || undefined, dimensions, guidelines, changelog: changelog || undefined }), (r) => {
        toast.success(`Rubric ${r.name} created`);
        setName("");
        setDescription("");
        setRows([blank()]);
        setGuidelines("");
        setChangelog("");
        router.refresh();
      });
    }
  }

  return (
    <form aria-label={rubric ? `New version of ${rubric.name}` : "New rubric"} className="space-y-4" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      {rubric ? null : (
        <div className="grid grid-cols-[16rem_minmax(0,1fr)] gap-3">
          <Field label="Name" htmlFor={`${id}-name`} error={form.error("name")}>
            <Input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} dir="auto" autoComplete="off" />
          </Field>
          <Field label="Description" htmlFor={`${id}-description`} hint="Optional: what this rubric is for" error={form.error("description")}>
            <Input id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} dir="auto" />
          </Field>
        </div>
      )}

      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Dimensions</legend>
        {form.error("dimensions", { exact: true }) ? <p role="alert" className="text-xs text-red-600">{form.error("dimensions", { exact: true })}</p> : null}
        {rows.map((r, i) => {
          const p = `${id}-dim-${i}`;
          return (
            <div key={i} role="group" aria-label={`Dimension ${i + 1}`} className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
              <div className="grid grid-cols-[12rem_9rem_minmax(0,1fr)_auto] items-start gap-3">
                <Field label="Dimension name" htmlFor={`${p}-name`} error={form.error(`dimensions.${i}.name`)}>
                  <Input id={`${p}-name`} value={r.name} onChange={(e) => setRow(i, { name: e.target.value })} placeholder="faithfulness" autoComplete="off" />
                </Field>
                <Field label="Kind" htmlFor={`${p}-kind`} error={form.error(`dimensions.${i}.kind`)}>
                  <Select id={`${p}-kind`} value={r.kind} onChange={(e) => setRow(i, { kind: e.target.value as Row["kind"] })}>
                    <option value="scale">Scale</option>
                    <option value="categorical">Categories</option>
                    <option value="boolean">Yes / no</option>
                  </Select>
                </Field>
                {r.kind === "scale" ? (
                  <div className="grid grid-cols-2 gap-3">
                    <Field label="Lowest score" htmlFor={`${p}-min`} error={form.error(`dimensions.${i}.min`)}>
                      <Input id={`${p}-min`} type="number" value={r.min} onChange={(e) => setRow(i, { min: e.target.value })} />
                    </Field>
                    <Field label="Highest score" htmlFor={`${p}-max`} error={form.error(`dimensions.${i}.max`)}>
                      <Input id={`${p}-max`} type="number" value={r.max} onChange={(e) => setRow(i, { max: e.target.value })} />
                    </Field>
                  </div>
                ) : r.kind === "categorical" ? (
                  <Field label="Categories" htmlFor={`${p}-categories`} hint="Comma-separated, 2 to 9 (one digit key each)" error={form.error(`dimensions.${i}.categories`)}>
                    <Input id={`${p}-categories`} value={r.categories} onChange={(e) => setRow(i, { categories: e.target.value })} placeholder="ok, curt, rude" dir="auto" />
                  </Field>
                ) : <p className="pt-6 text-xs text-zinc-500">Reviewers answer yes or no.</p>}
                <Button type="button" variant="ghost" size="sm" className="mt-5" aria-label={`Remove dimension ${i + 1}`} disabled={rows.length === 1} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                  <X className="size-4" aria-hidden />
                </Button>
              </div>
              <Field label="What each score means" htmlFor={`${p}-guidelines`} error={form.error(`dimensions.${i}.guidelines`)}>
                <textarea id={`${p}-guidelines`} className={textarea} rows={2} value={r.guidelines} onChange={(e) => setRow(i, { guidelines: e.target.value })} dir="auto" />
              </Field>
            </div>
          );
        })}
        <Button type="button" variant="secondary" size="sm" disabled={rows.length >= 12} onClick={() => setRows((rs) => [...rs, blank()])}>
          <Plus className="size-4" aria-hidden />Add dimension
        </Button>
      </fieldset>

      <Field label="Guidelines" htmlFor={`${id}-guidelines`} hint="Shown to reviewers beside every item (markdown)" error={form.error("guidelines")}>
        <textarea id={`${id}-guidelines`} className={textarea} rows={5} value={guidelines} onChange={(e) => setGuidelines(e.target.value)} dir="auto" />
      </Field>
      <Field label="Changelog" htmlFor={`${id}-changelog`} hint={rubric ? "What changed from the previous version" : "Optional for the first version"} error={form.error("changelog")}>
        <Input id={`${id}-changelog`} value={changelog} onChange={(e) => setChangelog(e.target.value)} dir="auto" />
      </Field>
      {form.formError ? <p role="alert" className="text-sm text-red-600">{form.formError}</p> : null}
      <Button type="submit" disabled={form.pending}>{rubric ? "Save new version" : "Create rubric"}</Button>
    </form>
  );
}
