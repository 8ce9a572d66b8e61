import type { MetricMean, RunListRow } from "./runs-table";
import type { TrendPoint } from "./trend-chart";

// The trend chart's points: the overall means each ended run's list row carries.

/** Completed runs only, oldest first: a stopped or cancelled run's means cover part of the dataset. */
export function trendOf(runs: RunListRow[]): { points: TrendPoint[]; keys: MetricMean[] } {
  const completed = runs.filter((r) => r.status === "completed" && r.metrics).reverse();
  const keys = new Map<string, MetricMean>();
  for (const r of completed) for (const m of r.metrics!) if (!keys.has(m.key)) keys.set(m.key, m);
  return {
    points: completed.map((r) => ({ runId: r.id, name: r.name, createdAt: r.createdAt, means: Object.fromEntries(r.metrics!.map((m) => [m.key, m.mean])) })),
    keys: [...keys.values()],
  };
}
