import { db } from "../db";
import { DAY_MS, RUN_RATE_DAYS, dailyRunRate, forecastSpend, periodBounds, utcDay, type BudgetPeriod, type DailySpend } from "./period";

// Where a budget stands now: spent this period, the run-rate and the forecast to the period's end.

export interface ProjectSpend {
  /** per UTC day, every team together */
  all: DailySpend[];
  /** per UTC day of each team ("" = traces without a team) */
  byTeam: Map<string, DailySpend[]>;
}

export interface BudgetStatus {
  start: Date;
  end: Date;
  spentUsd: number;
  runRatePerDayUsd: number;
  forecastUsd: number;
  percentUsed: number;
}

/** Daily spend far enough back for this month's period and the run-rate window, in one query. */
export async function loadProjectSpend(projectId: string, now: Date): Promise<ProjectSpend> {
  const from = new Date(Math.min(periodBounds("monthly", now).start.getTime(), utcDay(now).getTime() - (RUN_RATE_DAYS - 1) * DAY_MS));
  const rows = await db().usageDaily.groupBy({ by: ["day", "team"], where: { projectId, day: { gte: from } }, _sum: { costUsd: true } });
  const all = new Map<number, number>();
  const byTeam = new Map<string, DailySpend[]>();
  for (const r of rows) {
    const cost = r._sum.costUsd ?? 0;
    all.set(r.day.getTime(), (all.get(r.day.getTime()) ?? 0) + cost);
    const list = byTeam.get(r.team) ?? [];
    list.push({ day: r.day, costUsd: cost });
    byTeam.set(r.team, list);
  }
  return { all: [...all].map(([t, costUsd]) => ({ day: new Date(t), costUsd })), byTeam };
}

export function budgetStatus(budget: { scope: "project" | "team"; team: string; period: BudgetPeriod; limitUsd: number }, spend: ProjectSpend, now: Date): BudgetStatus {
  const days = budget.scope === "team" ? (spend.byTeam.get(budget.team) ?? []) : spend.all;
  const { start, end } = periodBounds(budget.period, now);
  const spentUsd = days.filter((d) => d.day >= start && d.day < end).reduce((s, d) => s + d.costUsd, 0);
  const runRatePerDayUsd = dailyRunRate(days, now);
  const forecastUsd = forecastSpend(spentUsd, runRatePerDayUsd, budget.period, now);
  return { start, end, spentUsd, runRatePerDayUsd, forecastUsd, percentUsed: budget.limitUsd > 0 ? (spentUsd / budget.limitUsd) * 100 : 0 };
}
