import type { Metadata } from "next";
import Link from "next/link";
import { GitCompareArrows, Scale } from "lucide-react";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { listDatasets } from "@/lib/datasets/service";
import { listEvalRuns } from "@/lib/evals/runs/service";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { NewRunDialog } from "@/components/evals/new-run-dialog";
import { loadNewRunChoices } from "@/components/evals/new-run-choices";
import { trendOf } from "@/components/evals/run-metrics";
import { RunsTable } from "@/components/evals/runs-table";
import { TrendChart } from "@/components/evals/trend-chart";

export const metadata: Metadata = { title: "Evaluations" };

const LIST_LIMIT = 100;
const TREND_RUNS = 30;

export default async function EvalsPage({ params, searchParams }: { params: Promise<{ project: string }>; searchParams: Promise<{ dataset?: string }> }) {
  const { project: slug } = await params;
  const { dataset: filter } = await searchParams;
  const { principal } = await requirePermission(slug, "registry:read");
  const [runs, datasets] = await Promise.all([listEvalRuns(principal, { dataset: filter || undefined, limit: LIST_LIMIT }), listDatasets(principal)]);
  const trendDataset = filter || runs[0]?.dataset.name;
  const canWrite = can(principal, "evals:write");
  const [rows, trendRuns, allRuns] = await Promise.all([
    runs,
    trendDataset && trendDataset !== filter ? listEvalRuns(principal, { dataset: trendDataset, limit: TREND_RUNS }) : null,
    canWrite && filter ? listEvalRuns(principal, { limit: 200 }) : runs,
  ]);
  const trend = trendOf(trendRuns ?? rows.slice(0, TREND_RUNS));
  const choices = canWrite ? await loadNewRunChoices(principal, allRuns) : null;
  return (
    <>
      <PageHeader
        title="Evaluations"
        description="Eval runs score a prompt version on a model over a dataset version, with deterministic scorers and an LLM judge. Compare a candidate with a baseline before it ships."
        actions={
          <>
            <Button asChild size="sm" variant="ghost"><Link href={`/p/${slug}/evals/calibration`}><Scale className="size-4" aria-hidden />Judge calibration</Link></Button>
            {runs.length > 1 ? <Button asChild size="sm" variant="secondary"><Link href={`/p/${slug}/evals/compare`}><GitCompareArrows className="size-4" aria-hidden />Compare runs</Link></Button> : null}
            {choices ? <NewRunDialog slug={slug} choices={choices} dataset={filter} /> : null}
          </>
        }
      />
      <form method="get" role="search" aria-label="Filter runs" className="mb-4 flex items-end gap-3">
        <div className="w-64">
          <Field label="Dataset" htmlFor="evals-dataset">
            <Select id="evals-dataset" name="dataset" defaultValue={filter ?? ""}>
              <option value="">All datasets</option>
              {datasets.map((d) => <option key={d.id} value={d.name}>{d.name}</option>)}
            </Select>
          </Field>
        </div>
        <Button type="submit" variant="secondary">Filter</Button>
        {filter ? <Button asChild variant="ghost"><Link href={`/p/${slug}/evals`}>Clear</Link></Button> : null}
      </form>
      <div className="space-y-6">
        <RunsTable slug={slug} runs={rows} />
        {trendDataset ? (
          <Card title={`Trend · ${trendDataset}`}>
            {trend.points.length >= 2 ? (
              <TrendChart slug={slug} points={trend.points} keys={trend.keys} />
            ) : (
              <EmptyState title="Not enough completed runs for a trend">
                The overall mean of each score, run over run, appears here once this dataset has two completed runs.
              </EmptyState>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
