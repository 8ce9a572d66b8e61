"use client";

import { Plus, Trash2, Wand2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { tableClass, td, th } from "@/components/ui/page";
import { VARIABLE_TYPES, type VariableType } from "@/lib/registry/prompts/variable-values";
import { newKey, type EditorVariable } from "./editor-state";

export function VariablesEditor({
  variables,
  onChange,
  undeclared,
  serverErrors,
}: {
  variables: EditorVariable[];
  onChange: (next: EditorVariable[]) => void;
  /** names the messages use that are not declared yet */
  undeclared: string[];
  serverErrors: Record<string, string>;
}) {
  const update = (i: number, patch: Partial<EditorVariable>) => onChange(variables.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const add = (name = "") => ({ key: newKey(), name, type: "string" as const, required: true, default: "", description: "" });
  const errorsOf = (i: number) => Object.entries(serverErrors).filter(([f]) => f.startsWith(`variables.${i}.`) || f === `variables.${i}`).map(([, m]) => m);

  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium">Variables</legend>
      {variables.length ? (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
          <table className={tableClass} aria-label="Variables">
            <thead className="bg-zinc-50 dark:bg-zinc-900">
              <tr>
                <th className={th}>Name</th>
                <th className={th}>Type</th>
                <th className={th}>Required</th>
                <th className={th}>Default</th>
                <th className={th}>Description</th>
                <th className={th}><span className="sr-only">Remove</span></th>
              </tr>
            </thead>
            <tbody>
              {variables.map((v, i) => (
                <tr key={v.key}>
                  <td className={td}>
                    <Input aria-label={`Name of variable ${i + 1}`} className="font-mono" value={v.name} onChange={(e) => update(i, { name: e.target.value })} spellCheck={false} />
                    {errorsOf(i).map((m) => <p key={m} role="alert" className="mt-1 text-xs text-red-600">{m}</p>)}
                  </td>
                  <td className={td}>
                    <Select aria-label={`Type of ${v.name || `variable ${i + 1}`}`} value={v.type} onChange={(e) => update(i, { type: e.target.value as VariableType })}>
                      {VARIABLE_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                    </Select>
                  </td>
                  <td className={`${td} text-center`}>
                    <input type="checkbox" className="mt-2 size-4" aria-label={`${v.name || `Variable ${i + 1}`} is required`} checked={v.required} onChange={(e) => update(i, { required: e.target.checked })} />
                  </td>
                  <td className={td}>
                    <Input aria-label={`Default of ${v.name || `variable ${i + 1}`}`} value={v.default} dir="auto" placeholder={v.type === "json" ? '{"a": 1}' : "—"} onChange={(e) => update(i, { default: e.target.value })} />
                  </td>
                  <td className={td}>
                    <Input aria-label={`Description of ${v.name || `variable ${i + 1}`}`} value={v.description} dir="auto" onChange={(e) => update(i, { description: e.target.value })} />
                  </td>
                  <td className={td}>
                    <Button type="button" variant="ghost" size="sm" onClick={() => onChange(variables.filter((_, j) => j !== i))} aria-label={`Remove variable ${v.name || i + 1}`}>
                      <Trash2 className="size-3.5" aria-hidden />
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-zinc-500">No variables. Use <code className="text-xs">{"{{name}}"}</code> in a message and declare it here.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" size="sm" onClick={() => onChange([...variables, add()])}>
          <Plus className="size-3.5" aria-hidden />Add variable
        </Button>
        {undeclared.length ? (
          <Button type="button" variant="secondary" size="sm" onClick={() => onChange([...variables, ...undeclared.map((n) => add(n))])}>
            <Wand2 className="size-3.5" aria-hidden />Declare {undeclared.join(", ")}
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
