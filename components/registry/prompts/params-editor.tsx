"use client";

import { Field, Input, Select } from "@/components/ui/field";
import type { EditorParams, FormatChoice } from "./editor-state";

export interface ModelChoice {
  id: string;
  displayName: string;
  providerModelId: string;
  inputPricePerMTok: number;
  outputPricePerMTok: number;
  contextWindow: number;
  maxOutputTokens: number;
  floating: boolean;
}

const area = "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900";

export function ParamsEditor({
  params,
  onChange,
  models,
  modelVersionId,
  onModelChange,
  errors,
}: {
  params: EditorParams;
  onChange: (next: EditorParams) => void;
  models: ModelChoice[];
  modelVersionId: string;
  onModelChange: (id: string) => void;
  errors: Record<string, string>;
}) {
  const set = (patch: Partial<EditorParams>) => onChange({ ...params, ...patch });
  const err = (prefix: string) => Object.entries(errors).find(([f]) => f === prefix || f.startsWith(`${prefix}.`))?.[1];
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-sm font-medium">Model and parameters</legend>
      <Field label="Model version" htmlFor="p-model" error={errors.modelVersionId} hint={models.length ? "The model this version was validated against; prices drive the cost estimate." : "No model versions in this project yet; add one under Models."}>
        <Select id="p-model" value={modelVersionId} onChange={(e) => onModelChange(e.target.value)}>
          <option value="">None</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName} ({m.providerModelId}){m.floating ? " — floating" : ""}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid grid-cols-3 gap-3">
        <Field label="Temperature" htmlFor="p-temp" error={err("params.temperature")} hint="0–2">
          <Input id="p-temp" type="number" inputMode="decimal" min={0} max={2} step={0.1} value={params.temperature} onChange={(e) => set({ temperature: e.target.value })} />
        </Field>
        <Field label="top_p" htmlFor="p-topp" error={err("params.top_p")} hint="0–1">
          <Input id="p-topp" type="number" inputMode="decimal" min={0} max={1} step={0.05} value={params.top_p} onChange={(e) => set({ top_p: e.target.value })} />
        </Field>
        <Field label="max_tokens" htmlFor="p-max" error={err("params.max_tokens")}>
          <Input id="p-max" type="number" inputMode="numeric" min={1} step={1} value={params.max_tokens} onChange={(e) => set({ max_tokens: e.target.value })} />
        </Field>
      </div>
      <Field label="Stop sequences" htmlFor="p-stop" error={err("params.stop")} hint="One per line, at most 4.">
        <textarea id="p-stop" className={area} rows={2} value={params.stop} onChange={(e) => set({ stop: e.target.value })} />
      </Field>
      <Field label="Response format" htmlFor="p-format" error={params.format === "json_schema" ? undefined : err("params.response_format")}>
        <Select id="p-format" value={params.format} onChange={(e) => set({ format: e.target.value as FormatChoice })}>
          <option value="none">Provider default</option>
          <option value="text">Text</option>
          <option value="json_object">JSON object</option>
          <option value="json_schema">JSON Schema</option>
        </Select>
      </Field>
      {params.format === "json_schema" ? (
        <div className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <Field label="Schema name" htmlFor="p-sname" error={err("params.response_format.json_schema.name")}>
            <Input id="p-sname" className="font-mono" value={params.schemaName} placeholder="answer" onChange={(e) => set({ schemaName: e.target.value })} />
          </Field>
          <Field label="JSON Schema" htmlFor="p-schema" error={err("params.response_format.json_schema.schema") ?? err("params.response_format")}>
            <textarea id="p-schema" className={area} rows={8} spellCheck={false} value={params.schemaText} placeholder={'{\n  "type": "object",\n  "properties": { "answer": { "type": "string" } },\n  "required": ["answer"]\n}'} onChange={(e) => set({ schemaText: e.target.value })} />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" checked={params.strict === true} onChange={(e) => set({ strict: e.target.checked })} />
            Strict (the provider must follow the schema exactly)
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}
