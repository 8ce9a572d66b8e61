"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DistributionBucket, MetricSummary } from "@/lib/evals/runs/types";
import { formatScore } from "./format";
import { SERIES_COLORS } from "./trend-chart";

// judge buckets are the integer scores; scorer buckets are tenths, labelled by their lower edge
const bucketLabel = (b: DistributionBucket, m: MetricSummary) => (m.kind === "judge" ? String(Math.round(b.from)) : b.from.toFixed(1));
const bucketRange = (b: DistributionBucket, m: MetricSummary) => (m.kind === "judge" ? `score ${Math.round(b.from)}` : `${formatScore(b.from, m.scale)}–${formatScore(b.to, m.scale)}`);

/** How the scores spread, one small histogram per key: a mean of 0.5 can be all 0.5s or half 0s and half 1s. */
export function DistributionCharts({ metrics, distributions }: { metrics: MetricSummary[]; distributions: Record<string, DistributionBucket[]> }) {
  const shown = metrics.filter((m) => distributions[m.key]?.some((b) => b.count > 0));
  if (!shown.length) return <p className="text-sm text-zinc-500">No scores to chart yet.</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {shown.map((m, i) => {
        const data = distributions[m.key].map((b) => ({ bucket: bucketLabel(b, m), range: bucketRange(b, m), count: b.count }));
        const total = data.reduce((s, d) => s + d.count, 0);
        return (
          <figure key={m.key} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid={`distribution-${m.key}`}>
            <figcaption className="mb-1 flex items-baseline justify-between text-xs">
              <span className="font-medium">{m.label}</span>
              <span className="text-zinc-500">{total} scores · {m.kind === "judge" ? "1–5" : "0–1"}</span>
            </figcaption>
            <div className="h-36" role="img" aria-label={`${m.label} distribution: ${data.map((d) => `${d.range}: ${d.count}`).join(", ")}`}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} vertical={false} />
                  <XAxis dataKey="bucket" tick={{ fontSize: 10 }} interval={0} stroke="currentColor" strokeOpacity={0.4} />
                  <YAxis allowDecimals={false} tick={{ fontSize: 10 }} stroke="currentColor" strokeOpacity={0.4} />
                  <Tooltip contentStyle={{ fontSize: 12 }} cursor={{ fillOpacity: 0.08 }} formatter={(v) => [v, "results"]}
                    labelFormatter={(_l, payload) => (payload?.[0]?.payload as { range?: string } | undefined)?.range ?? String(_l)} />
                  <Bar dataKey="count" fill={SERIES_COLORS[i % SERIES_COLORS.length]} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </figure>
        );
      })}
    </div>
  );
}
