"use client";

import { useState } from "react";
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { newScorerDraft, type ConfigField, type FieldValue, type ScorerChoice, type ScorerDraft } from "./run-form";

const area = "block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900";

function ConfigInput({ id, field, value, onChange }: { id: string; field: ConfigField; value: FieldValue; onChange: (v: FieldValue) => void }) {
  const text = typeof value === "string" ? value : "";
  switch (field.kind) {
    case "boolean":
      return (
        <label className="flex items-center gap-2 text-sm">
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <span className="font-mono text-xs">{field.name}</span>
        </label>
      );
    case "enum":
      return <Select id={id} value={text} onChange={(e) => onChange(e.target.value)}>{field.options?.map((o) => <option key={o} value={o}>{o}</option>)}</Select>;
    case "number":
    case "integer":
      return <Input id={id} type="number" inputMode="decimal" step={field.kind === "integer" ? 1 : "any"} min={field.min} max={field.max} value={text} required={field.required} onChange={(e) => onChange(e.target.value)} />;
    case "list":
      return <textarea id={id} className={area} rows={3} dir="auto" value={text} onChange={(e) => onChange(e.target.value)} placeholder="One per line" />;
    case "json":
      return <textarea id={id} className={area} rows={5} spellCheck={false} value={text} onChange={(e) => onChange(e.target.value)} />;
    default:
      return <Input id={id} value={text} dir="auto" required={field.required} onChange={(e) => onChange(e.target.value)} className="font-mono text-xs" />;
  }
}

const hintOf = (f: ConfigField) => {
  const shown = f.default === undefined || f.default === "" || (Array.isArray(f.default) && !f.default.length) ? null : String(f.default);
  const bits = [f.required ? "required" : shown !== null ? `default ${shown}` : "optional"];
  if (f.min !== undefined || f.max !== undefined) bits.push(`${f.min ?? "…"} to ${f.max ?? "…"}`);
  if (f.kind === "list") bits.push("one per line");
  if (f.kind === "json") bits.push("JSON");
  return bits.join(" · ");
};

function ScorerCard({ index, draft, choice, error, onChange, onRemove }: {
  index: number; draft: ScorerDraft; choice: ScorerChoice | undefined; error: (path: string) => string | undefined;
  onChange: (d: ScorerDraft) => void; onRemove: () => void;
}) {
  const prefix = `scorer-${draft.id}`;
  const setValue = (name: string, v: FieldValue) => onChange({ ...draft, values: { ...draft.values, [name]: v } });
  const booleans = choice?.fields.filter((f) => f.kind === "boolean") ?? [];
  const others = choice?.fields.filter((f) => f.kind !== "boolean") ?? [];
  const configError = error(`scorers.${index}.config`) ?? error(`scorers.${index}`);
  return (
    <li className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800" aria-label={`Scorer ${index + 1}: ${choice?.label ?? draft.type}`}>
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="text-sm font-medium">{choice?.label ?? draft.type} <span className="font-mono text-xs text-zinc-500">{draft.type}</span></p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{choice?.description}{choice?.needs.length ? ` Needs ${choice.needs.join(" and ")}.` : ""}</p>
        </div>
        <Button type="button" variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove scorer ${choice?.label ?? draft.type}`}><X className="size-3.5" aria-hidden /></Button>
      </div>
      <div className="mt-2 grid grid-cols-3 gap-3">
        <Field label="Key" htmlFor={`${prefix}-key`} hint={`Defaults to ${draft.type}`} error={error(`scorers.${index}.key`)}>
          <Input id={`${prefix}-key`} value={draft.key} onChange={(e) => onChange({ ...draft, key: e.target.value })} placeholder={draft.type} className="font-mono text-xs" />
        </Field>
        {others.map((f) => (
          <div key={f.name} className={f.kind === "json" || f.kind === "list" ? "col-span-3" : undefined}>
            <Field label={f.name} htmlFor={`${prefix}-${f.name}`} hint={hintOf(f)}>
              <ConfigInput id={`${prefix}-${f.name}`} field={f} value={draft.values[f.name] ?? ""} onChange={(v) => setValue(f.name, v)} />
            </Field>
          </div>
        ))}
      </div>
      {booleans.length ? (
        <fieldset className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
          <legend className="sr-only">Options</legend>
          {booleans.map((f) => <ConfigInput key={f.name} id={`${prefix}-${f.name}`} field={f} value={draft.values[f.name] ?? false} onChange={(v) => setValue(f.name, v)} />)}
        </fieldset>
      ) : null}
      {configError ? <p role="alert" className="mt-2 text-xs text-red-600 dark:text-red-400">{configError}</p> : null}
    </li>
  );
}

/** The run's scorers: add any registry scorer (the same one twice with different keys), set its config. */
export function ScorerList({ choices, scorers, onChange, error }: {
  choices: ScorerChoice[]; scorers: ScorerDraft[]; onChange: (s: ScorerDraft[]) => void; error: (path: string, opts?: { exact?: boolean }) => string | undefined;
}) {
  const [adding, setAdding] = useState(choices[0]?.name ?? "");
  const add = () => {
    const choice = choices.find((c) => c.name === adding);
    if (choice) onChange([...scorers, newScorerDraft(choice)]);
  };
  const listError = error("scorers", { exact: true });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Scorers</legend>
      {scorers.length ? (
        <ol className="space-y-2">
          {scorers.map((s, i) => (
            <ScorerCard key={s.id} index={i} draft={s} choice={choices.find((c) => c.name === s.type)} error={error}
              onChange={(d) => onChange(scorers.map((x) => (x.id === d.id ? d : x)))} onRemove={() => onChange(scorers.filter((x) => x.id !== s.id))} />
          ))}
        </ol>
      ) : <p className="text-xs text-zinc-500">No scorers yet. Add deterministic checks here, or use only the judge below.</p>}
      <div className="flex items-end gap-2">
        <div className="w-72">
          <label htmlFor="run-add-scorer" className="sr-only">Scorer to add</label>
          <Select id="run-add-scorer" value={adding} onChange={(e) => setAdding(e.target.value)}>
            {choices.map((c) => <option key={c.name} value={c.name}>{c.label}</option>)}
          </Select>
        </div>
        <Button type="button" variant="secondary" onClick={add}><Plus className="size-4" aria-hidden />Add scorer</Button>
      </div>
      {listError ? <p role="alert" className="text-xs text-red-600 dark:text-red-400">{listError}</p> : null}
    </fieldset>
  );
}
