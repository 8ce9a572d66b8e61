"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TCostSummary } from "@/lib/costs/schemas";
import { tableClass, td, th } from "@/components/ui/page";
import { SERIES_COLORS } from "@/components/evals/trend-chart";
import { formatUsd } from "./format";

type Daily = TCostSummary["daily"];

/**
 * Cost per UTC day stacked by model or team. Series are keyed s0…sN rather than by name: model
 * names contain dots, which chart libraries read as paths. The table under it is the accessible
 * reading of the same numbers.
 */
export function SpendChart({ daily, groupLabel }: { daily: Daily; groupLabel: string }) {
  const data = daily.points.map((p) => ({ day: p.day, total: p.costUsd, ...Object.fromEntries(daily.series.map((s, i) => [`s${i}`, p.values[s.key] ?? 0])) }));
  return (
    <div className="space-y-2">
      <figure aria-label={`Spend per day by ${groupLabel}`} className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} vertical={false} />
            <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} tick={{ fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} minTickGap={12} />
            <YAxis tickFormatter={(v: number) => formatUsd(v)} tick={{ fontSize: 11 }} width={64} stroke="currentColor" strokeOpacity={0.4} />
            <Tooltip formatter={(value) => formatUsd(Number(value))} labelFormatter={(d) => `${String(d)} (UTC)`} contentStyle={{ fontSize: 12 }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {daily.series.map((s, i) => (
              <Bar key={s.key} dataKey={`s${i}`} name={s.label} stackId="spend" fill={SERIES_COLORS[i % SERIES_COLORS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">Show the numbers</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className={tableClass} aria-label="Spend per day">
            <thead>
              <tr><th className={th}>Day (UTC)</th>{daily.series.map((s) => <th key={s.key} className={`${th} text-right`} dir="auto">{s.label}</th>)}<th className={`${th} text-right`}>Total</th></tr>
            </thead>
            <tbody>
              {daily.points.filter((p) => p.costUsd > 0).map((p) => (
                <tr key={p.day}>
                  <td className={`${td} tabular-nums`}>{p.day}</td>
                  {daily.series.map((s) => <td key={s.key} className={`${td} text-right tabular-nums`}>{formatUsd(p.values[s.key] ?? 0)}</td>)}
                  <td className={`${td} text-right tabular-nums font-medium`}>{formatUsd(p.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
