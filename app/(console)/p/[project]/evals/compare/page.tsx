import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/console";
import { AppError } from "@/lib/errors";
import { compareEvalRuns, listEvalRuns } from "@/lib/evals/runs/service";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { CompareItems } from "@/components/evals/compare-items";
import { ChangeCounts, CompareMetricsTable, ComparePicker } from "@/components/evals/compare-metrics";
import { RunStatusBadge } from "@/components/evals/run-status";

export const metadata: Metadata = { title: "Compare eval runs" };

/** A comparison the services refuse (different datasets) is shown as a message next to the picker, not a crash. */
async function comparison(...args: Parameters<typeof compareEvalRuns>) {
  try {
    return { ok: true as const, data: await compareEvalRuns(...args) };
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    if (err instanceof AppError && err.code === "VALIDATION") return { ok: false as const, error: err.message };
    throw err;
  }
}

export default async function CompareRunsPage({ params, searchParams }: { params: Promise<{ project: string }>; searchParams: Promise<{ baseline?: string; candidate?: string }> }) {
  const { project: slug } = await params;
  const { baseline, candidate } = await searchParams;
  const { principal } = await requirePermission(slug, "registry:read");
  const [runs, result] = await Promise.all([
    listEvalRuns(principal, { limit: 200 }),
    baseline && candidate ? comparison(principal, candidate, baseline) : null,
  ]);
  const options = runs.map((r) => ({ id: r.id, name: r.name, status: r.status, createdAt: r.createdAt, dataset: r.dataset.name }));
  const data = result?.ok ? result.data : null;
  return (
    <>
      <PageHeader
        title="Compare runs"
        description={
          data ? (
            <span className="flex flex-wrap items-center gap-x-2">
              <Link href={`/p/${slug}/evals`} className="hover:underline">← Evaluations</Link>
              <span>· baseline <Link href={`/p/${slug}/evals/${data.baseline.id}`} className="font-medium hover:underline" dir="auto">{data.baseline.name}</Link></span>
              <RunStatusBadge status={data.baseline.status} />
              <span>vs candidate <Link href={`/p/${slug}/evals/${data.candidate.id}`} className="font-medium hover:underline" dir="auto">{data.candidate.name}</Link></span>
              <RunStatusBadge status={data.candidate.status} />
              <span>· dataset {data.candidate.dataset.name} (v{data.baseline.dataset.version} → v{data.candidate.dataset.version})</span>
            </span>
          ) : <Link href={`/p/${slug}/evals`} className="hover:underline">← Evaluations</Link>
        }
      />
      <ComparePicker runs={options} baseline={baseline} candidate={candidate} />
      {result && !result.ok ? <p role="alert" className="mb-4 text-sm text-red-600">{result.error}</p> : null}
      {data ? (
        <div className="space-y-6">
          <Card title="Metrics">
            <div className="space-y-3">
              <CompareMetricsTable metrics={data.metrics} />
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                Difference = candidate − baseline on the metric’s scale, paired by item (repeats averaged first), with a bootstrap 95% interval.
                A regression’s whole interval is below 0; an improvement’s is above 0.
              </p>
            </div>
          </Card>
          <Card title="Items">
            <div className="space-y-3">
              <ChangeCounts counts={data.counts} />
              <CompareItems items={data.items} metrics={data.metrics} counts={data.counts} />
            </div>
          </Card>
        </div>
      ) : !result ? (
        <EmptyState title="Choose two runs">Pick a baseline and a candidate run on the same dataset to see what changed, metric by metric and item by item.</EmptyState>
      ) : null}
    </>
  );
}
