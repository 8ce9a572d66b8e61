"use client";

import { Info } from "lucide-react";
import type { TBudget } from "@/lib/budgets/schemas";
import { FORECAST_METHOD } from "@/lib/budgets/period";
import { Button } from "@/components/ui/button";
import { useToastAction } from "@/components/ui/use-action-form";
import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import { deleteBudgetAction } from "@/app/(console)/p/[project]/cost/actions";
import { EditBudgetDialog } from "./budget-dialog";
import { formatUsd } from "./format";

export const budgetName = (b: Pick<TBudget, "scope" | "team" | "period">) => `${b.scope === "team" ? `Team ${b.team}` : "Project"} ${b.period} budget`;

function UsageBar({ percent }: { percent: number }) {
  const tone = percent >= 100 ? "bg-red-600" : percent >= 80 ? "bg-amber-500" : "bg-emerald-600";
  return (
    <div className="h-2 w-full rounded bg-zinc-100 dark:bg-zinc-800" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(100, Math.round(percent))} aria-label="Share of the limit spent">
      <div className={`h-2 rounded ${tone}`} style={{ width: `${Math.min(100, percent)}%` }} />
    </div>
  );
}

export function BudgetsTable({ slug, budgets, canWrite }: { slug: string; budgets: TBudget[]; canWrite: boolean }) {
  const { pending, run } = useToastAction();
  if (budgets.length === 0) {
    return <EmptyState title="No budgets yet">{canWrite ? "Create one to be alerted at 50%, 80% and 100% of a daily or monthly limit." : "Admins and engineers can create budgets."}</EmptyState>;
  }
  const remove = (b: TBudget) => {
    if (!window.confirm(`Delete the ${budgetName(b).toLowerCase()}? Its alerts are deleted with it.`)) return;
    run(() => deleteBudgetAction(slug, { id: b.id }), () => `${budgetName(b)} deleted`);
  };
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} aria-label="Budgets" aria-busy={pending}>
        <thead>
          <tr>
            <th className={th}>Budget</th>
            <th className={`${th} text-right`}>Spent this period</th>
            <th className={`${th} text-right`}>Limit</th>
            <th className={`${th} w-48`}>Used</th>
            <th className={`${th} text-right`}>
              <span className="inline-flex items-center gap-1" title={FORECAST_METHOD}>
                Forecast <Info className="size-3" aria-label={FORECAST_METHOD} />
              </span>
            </th>
            <th className={th}>Alerts</th>
            {canWrite ? <th className={th}><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {budgets.map((b) => {
            const name = budgetName(b);
            return (
              <tr key={b.id} data-testid={`budget-${b.scope}-${b.team ?? ""}-${b.period}`}>
                <td className={td}>
                  <div className="font-medium" dir="auto">{name}</div>
                  <div className="text-xs text-zinc-500">
                    since {b.periodStart.slice(0, 10)} UTC{b.webhookHost ? ` · webhook to ${b.webhookHost}` : ""}
                  </div>
                </td>
                <td className={`${td} text-right tabular-nums`} data-testid="budget-spent">{formatUsd(b.spentUsd)}</td>
                <td className={`${td} text-right tabular-nums`}>{formatUsd(b.limitUsd)}</td>
                <td className={td}>
                  <div className="flex items-center gap-2">
                    <UsageBar percent={b.percentUsed} />
                    <span className="w-12 text-right text-xs tabular-nums" data-testid="budget-percent">{Math.round(b.percentUsed)}%</span>
                  </div>
                </td>
                <td className={`${td} text-right tabular-nums`} title={`Run-rate ${formatUsd(b.runRatePerDayUsd)}/day. ${FORECAST_METHOD}`}>
                  <span className={b.forecastUsd > b.limitUsd ? "text-red-600 dark:text-red-400" : undefined}>{formatUsd(b.forecastUsd)}</span>
                </td>
                <td className={td}>
                  <div className="flex flex-wrap gap-1">
                    {b.alerts.length === 0 ? <span className="text-xs text-zinc-500">none yet</span> : null}
                    {b.alerts.map((a) => (
                      <Badge key={a.threshold} tone={a.threshold >= 100 ? "red" : a.threshold >= 80 ? "amber" : "blue"}>
                        <span title={`${a.createdAt.replace("T", " ").slice(0, 16)} UTC${a.webhookStatus ? ` · webhook ${a.webhookStatus}` : ""}`}>{a.threshold}%</span>
                      </Badge>
                    ))}
                  </div>
                </td>
                {canWrite ? (
                  <td className={`${td} whitespace-nowrap text-right`}>
                    <EditBudgetDialog slug={slug} budget={b} name={name} />
                    <Button variant="ghost" size="sm" disabled={pending} onClick={() => remove(b)} aria-label={`Delete ${name}`}>Delete</Button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
