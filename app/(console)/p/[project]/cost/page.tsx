import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { listBudgets } from "@/lib/budgets/service";
import { RANGES, ZCostSummaryQuery, type CostGroupBy, type CostRange } from "@/lib/costs/schemas";
import { getCostByProject, getCostSummary, listEstimableEvalRuns } from "@/lib/costs/service";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { BreakdownTable } from "@/components/cost/breakdown-table";
import { BudgetsTable } from "@/components/cost/budgets-table";
import { NewBudgetDialog } from "@/components/cost/budget-dialog";
import { EstimateForm } from "@/components/cost/estimate-form";
import { RangeLinks } from "@/components/cost/range-links";
import { SpendChart } from "@/components/cost/spend-chart";
import { CostTotals } from "@/components/cost/totals";

export const metadata: Metadata = { title: "Cost" };

export default async function CostPage({ params, searchParams }: { params: Promise<{ project: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { project: slug } = await params;
  const raw = await searchParams;
  const parsed = ZCostSummaryQuery.safeParse({ range: raw.range, groupBy: raw.groupBy });
  const query = parsed.success ? parsed.data : ZCostSummaryQuery.parse({});
  const { principal } = await requirePermission(slug, "traces:read");
  const [summary, budgets, runs, byProject] = await Promise.all([
    getCostSummary(principal, query), listBudgets(principal), listEstimableEvalRuns(principal), getCostByProject(principal, query.range),
  ]);
  const canWrite = can(principal, "budgets:write");
  const href = (next: Partial<{ range: CostRange; groupBy: CostGroupBy }>) => {
    const q = new URLSearchParams({ range: next.range ?? query.range, groupBy: next.groupBy ?? query.groupBy });
    return `/p/${slug}/cost?${q}`;
  };
  const b = summary.breakdowns;
  return (
    <>
      <PageHeader
        title="Cost"
        description="Token spend from processed traces, per UTC day, by team, model, prompt version, release and environment; budgets with alerts; and what a candidate would cost before it launches."
        actions={<RangeLinks label="Range" options={(Object.keys(RANGES) as CostRange[]).map((r) => ({ value: r, label: `${RANGES[r]} days` }))} current={query.range} href={(range) => href({ range })} />}
      />
      <div className="space-y-6">
        {!summary.hasUsage ? (
          <EmptyState title="No traces yet">
            Spend appears here once an application sends traces with model and token counts (or their cost) to{" "}
            <code className="text-xs">POST /api/v1/traces</code> — see the <Link className="underline" href={`/p/${slug}/api-reference`}>API reference</Link>.
          </EmptyState>
        ) : (
          <>
            <section aria-label="Totals" className="space-y-2">
              <p className="text-xs text-zinc-500 dark:text-zinc-400">{summary.range.from} – {summary.range.to} (UTC)</p>
              <CostTotals totals={summary.totals} />
            </section>
            <Card
              title="Spend per day"
              actions={<RangeLinks label="Stack by" options={[{ value: "model" as const, label: "By model" }, { value: "team" as const, label: "By team" }]} current={query.groupBy} href={(groupBy) => href({ groupBy })} />}
            >
              {summary.totals.costUsd > 0 ? (
                <SpendChart daily={summary.daily} groupLabel={query.groupBy} />
              ) : (
                <EmptyState title="No spend in this range">Traces in this range carried no cost; try a longer range.</EmptyState>
              )}
            </Card>
            <div className="grid gap-6 2xl:grid-cols-2">
              <Card title="By team"><BreakdownTable title="Cost by team" dimension="Team" rows={b.team} /></Card>
              <Card title="By model"><BreakdownTable title="Cost by model" dimension="Model" rows={b.model} /></Card>
              <Card title="By prompt version"><BreakdownTable title="Cost by prompt version" dimension="Prompt version" rows={b.promptVersion} /></Card>
              <Card title="By release"><BreakdownTable title="Cost by release" dimension="Release · variant" rows={b.release} /></Card>
              <Card title="By environment"><BreakdownTable title="Cost by environment" dimension="Environment" rows={b.environment} /></Card>
              {byProject.length > 1 ? (
                <Card title="By project (your projects in this organization)"><BreakdownTable title="Cost by project" dimension="Project" rows={byProject} /></Card>
              ) : null}
            </div>
          </>
        )}
        <div id="budgets" className="scroll-mt-6">
          <Card title="Budgets" actions={canWrite ? <NewBudgetDialog slug={slug} /> : null}>
            <BudgetsTable slug={slug} budgets={budgets} canWrite={canWrite} />
          </Card>
        </div>
        <Card title="Estimate before launch">
          <EstimateForm slug={slug} runs={runs} />
        </Card>
      </div>
    </>
  );
}
