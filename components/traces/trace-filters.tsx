"use client";

import Form from "next/form";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { PII_TYPES } from "@/lib/guard/pii/types";

// A GET form (next/form navigates client-side): submitting puts the filters in the URL, so a filtered
// list can be shared and the back button returns to the previous filter. From/to only apply (and are
// only sent) for a custom range. autoComplete off: the browser must not restore a control's old value
// on back navigation, or the form would disagree with the URL and the rows.

const RANGES = [
  ["1h", "Last hour"], ["24h", "Last 24 hours"], ["7d", "Last 7 days"], ["30d", "Last 30 days"], ["custom", "Custom…"],
] as const;

// datetime-local shows "YYYY-MM-DDTHH:mm"; the URL may carry a full ISO time
const localValue = (v: string | undefined) => (v ? v.replace(/Z$|[+-]\d{2}:\d{2}$/, "").slice(0, 16) : "");

export function TraceFilters({ slug, values, errors }: { slug: string; values: Record<string, string>; errors: Record<string, string> }) {
  const [range, setRange] = useState(values.range ?? (values.from || values.to ? "custom" : "24h"));
  const custom = range === "custom";
  const text = (name: string, label: string, placeholder?: string, type = "text", step?: string) => (
    <Field label={label} htmlFor={`tf-${name}`} error={errors[name]}>
      <Input id={`tf-${name}`} name={name} type={type} step={step} defaultValue={values[name] ?? ""} placeholder={placeholder} dir="auto" />
    </Field>
  );
  return (
    <Form action={`/p/${slug}/traces`} autoComplete="off" role="search" aria-label="Filter traces" className="mb-4 space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="grid grid-cols-6 gap-3">
        <div className="col-span-2">
          {text("q", "Search text", "words in any span’s input or output (scrubbed)")}
        </div>
        <Field label="Time range" htmlFor="tf-range" error={errors.range}>
          <Select id="tf-range" name="range" value={range} onChange={(e) => setRange(e.target.value)}>
            {RANGES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
          </Select>
        </Field>
        <Field label="From (UTC)" htmlFor="tf-from" error={errors.from}>
          <Input id="tf-from" name="from" type="datetime-local" disabled={!custom} defaultValue={localValue(values.from)} />
        </Field>
        <Field label="To (UTC)" htmlFor="tf-to" error={errors.to}>
          <Input id="tf-to" name="to" type="datetime-local" disabled={!custom} defaultValue={localValue(values.to)} />
        </Field>
        <Field label="Status" htmlFor="tf-status" error={errors.status}>
          <Select id="tf-status" name="status" defaultValue={values.status ?? ""}>
            <option value="">Any status</option>
            <option value="ok">ok</option>
            <option value="error">error</option>
          </Select>
        </Field>
        {text("environment", "Environment", "production")}
        {text("release", "Release id")}
        {text("variant", "Variant")}
        {text("prompt", "Prompt")}
        {text("promptVersion", "Prompt version", undefined, "number", "1")}
        {text("model", "Model")}
        {text("team", "Team")}
        <Field label="Personal data" htmlFor="tf-pii" error={errors.pii}>
          <Select id="tf-pii" name="pii" defaultValue={values.pii ?? ""}>
            <option value="">Any</option>
            <option value="any">Has PII (any type)</option>
            {PII_TYPES.map((t) => <option key={t} value={t}>Has {t}</option>)}
          </Select>
        </Field>
        <Field label="Injection" htmlFor="tf-injection" error={errors.injection}>
          <Select id="tf-injection" name="injection" defaultValue={values.injection ?? ""}>
            <option value="">Any</option>
            <option value="true">Flagged</option>
            <option value="false">Not flagged</option>
          </Select>
        </Field>
        <Field label="Loop" htmlFor="tf-loop" error={errors.loop}>
          <Select id="tf-loop" name="loop" defaultValue={values.loop ?? ""}>
            <option value="">Any</option>
            <option value="true">Loop flagged</option>
            <option value="false">No loop</option>
          </Select>
        </Field>
        <Field label="User feedback" htmlFor="tf-feedback" error={errors.feedback}>
          <Select id="tf-feedback" name="feedback" defaultValue={values.feedback ?? ""}>
            <option value="">All traces</option>
            <option value="negative">Negative</option>
            <option value="any">Any feedback</option>
            <option value="none">None</option>
          </Select>
        </Field>
        {text("minCost", "Min cost (USD)", "0", "number", "any")}
        {text("maxCost", "Max cost (USD)", undefined, "number", "any")}
      </div>
      {errors.cursor || errors.limit ? <p role="alert" className="text-xs text-red-600">{errors.cursor ?? errors.limit}</p> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm">Apply filters</Button>
        <Button asChild size="sm" variant="ghost"><Link href={`/p/${slug}/traces`}>Clear</Link></Button>
      </div>
    </Form>
  );
}
