"use client";

import { useState } from "react";
import type { TCostEstimate } from "@/lib/costs/schemas";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/page";
import { useActionForm } from "@/components/ui/use-action-form";
import { estimateCostAction } from "@/app/(console)/p/[project]/cost/actions";
import { formatCount, formatUsd } from "./format";

export interface EstimableRun {
  id: string;
  name: string;
  model: string;
  createdAt: string;
}

/** What a candidate would cost in production, from its eval run's tokens and its model's prices. */
export function EstimateForm({ slug, runs }: { slug: string; runs: EstimableRun[] }) {
  const { pending, errors, formError, submit: run } = useActionForm();
  const [estimate, setEstimate] = useState<TCostEstimate | null>(null);
  if (runs.length === 0) {
    return <EmptyState title="No completed eval runs yet">An estimate measures tokens per request on a completed eval run of the candidate.</EmptyState>;
  }
  function submit(form: HTMLFormElement) {
    const d = Object.fromEntries(new FormData(form)) as Record<string, string>;
    run(() => estimateCostAction(slug, { evalRunId: d.evalRunId, requestsPerDay: d.requestsPerDay }), setEstimate);
  }
  return (
    <div className="space-y-4">
      <form className="flex flex-wrap items-end gap-3" aria-label="Estimate before launch" onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget); }}>
        <div className="w-80">
          <Field label="Eval run" htmlFor="estimate-run" error={errors.evalRunId}>
            <Select id="estimate-run" name="evalRunId" defaultValue={runs[0].id}>
              {runs.map((r) => <option key={r.id} value={r.id}>{`${r.name} · ${r.model} · ${r.createdAt.slice(0, 10)}`}</option>)}
            </Select>
          </Field>
        </div>
        <div className="w-48">
          <Field label="Expected requests per day" htmlFor="estimate-rpd" error={errors.requestsPerDay}>
            <Input id="estimate-rpd" name="requestsPerDay" type="number" min={0} step="any" required defaultValue={1000} />
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Estimating…" : "Estimate"}</Button>
      </form>
      {formError ? <p role="alert" className="text-sm text-red-600">{formError}</p> : null}
      {estimate ? (
        <div className="space-y-2" aria-live="polite">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <div><dt className="text-xs text-zinc-500">Tokens per request</dt><dd className="tabular-nums">{formatCount(estimate.tokensPerRequest.input)} in · {formatCount(estimate.tokensPerRequest.output)} out</dd></div>
            <div><dt className="text-xs text-zinc-500">Cost per request</dt><dd className="tabular-nums" data-testid="estimate-per-request">{formatUsd(estimate.costPerRequestUsd)}</dd></div>
            <div><dt className="text-xs text-zinc-500">Per day</dt><dd className="font-semibold tabular-nums" data-testid="estimate-daily">{formatUsd(estimate.dailyUsd)}</dd></div>
            <div><dt className="text-xs text-zinc-500">Per month (30 days)</dt><dd className="font-semibold tabular-nums" data-testid="estimate-monthly">{formatUsd(estimate.monthlyUsd)}</dd></div>
          </dl>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Mean candidate tokens over {formatCount(estimate.tokensPerRequest.sampleSize)} successful results of “{estimate.evalRun.name}” (judge tokens are not counted),
            priced at {estimate.model.displayName}’s ${estimate.model.inputPricePerMTok} in / ${estimate.model.outputPricePerMTok} out per 1M tokens,
            × {formatCount(estimate.requestsPerDay)} requests a day. Retrieval, retries and traffic mix are not included.
          </p>
        </div>
      ) : null}
    </div>
  );
}
