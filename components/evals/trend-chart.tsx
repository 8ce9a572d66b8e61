"use client";

import Link from "next/link";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { tableClass, td, th } from "@/components/ui/page";
import type { ScoreKeyInfo } from "@/lib/evals/runs/types";
import { formatScore, formatWhen } from "./format";

// Colour-blind-safe (Okabe–Ito) so lines stay apart for everyone; the data table below is the
// accessible reading of the same numbers.
export const SERIES_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999", "#F0E442"];

export interface TrendPoint {
  runId: string;
  name: string;
  createdAt: string;
  means: Record<string, number | null>;
}

/**
 * Overall mean per score key, one point per completed run, oldest first. Judge dimensions (1–5) use
 * the right axis and solid lines, scorers (0–1) the left axis and dashed lines: one axis for both
 * would flatten the scorers into a line at the bottom.
 */
export function TrendChart({ slug, points, keys }: { slug: string; points: TrendPoint[]; keys: ScoreKeyInfo[] }) {
  const hasScorers = keys.some((k) => k.kind === "scorer");
  const hasJudge = keys.some((k) => k.kind === "judge");
  const data = points.map((p) => ({ runId: p.runId, name: p.name, createdAt: p.createdAt, ...Object.fromEntries(keys.map((k) => [k.key, p.means[k.key] ?? null])) }));
  const byId = new Map(points.map((p) => [p.runId, p]));
  return (
    <div className="space-y-2">
      <figure aria-label="Score trend over runs" className="space-y-2">
        <div className="h-64 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
              <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
              <XAxis dataKey="runId" tickFormatter={(id: string) => formatWhen(byId.get(id)?.createdAt ?? "").slice(5)} tick={{ fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} />
              {hasScorers ? <YAxis yAxisId="scorer" domain={[0, 1]} tick={{ fontSize: 11 }} width={36} stroke="currentColor" strokeOpacity={0.4} /> : null}
              {hasJudge ? <YAxis yAxisId="judge" orientation="right" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 11 }} width={36} stroke="currentColor" strokeOpacity={0.4} /> : null}
              <Tooltip
                labelFormatter={(id) => { const p = byId.get(String(id)); return p ? `${p.name} · ${formatWhen(p.createdAt)}` : String(id); }}
                formatter={(value, key) => { const k = keys.find((x) => x.key === key); return [k ? formatScore(value as number, k.scale) : String(value), k?.label ?? String(key)]; }}
                contentStyle={{ fontSize: 12 }}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} formatter={(key) => keys.find((k) => k.key === key)?.label ?? key} />
              {keys.map((k, i) => (
                <Line key={k.key} dataKey={k.key} yAxisId={k.kind} type="monotone" stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeWidth={2}
                  strokeDasharray={k.kind === "scorer" ? "5 3" : undefined} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">
          {hasScorers ? "Dashed: scorers, left axis 0–1. " : ""}{hasJudge ? "Solid: judge dimensions, right axis 1–5. " : ""}Completed runs only, oldest first.
        </figcaption>
      </figure>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">Show the numbers</summary>
        <div className="mt-2 overflow-x-auto">
          <table className={tableClass} aria-label="Score trend">
            <thead><tr><th className={th}>Run</th><th className={th}>Created (UTC)</th>{keys.map((k) => <th key={k.key} className={`${th} text-right`}>{k.label}</th>)}</tr></thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.runId}>
                  <td className={td}><Link href={`/p/${slug}/evals/${p.runId}`} className="hover:underline" dir="auto">{p.name}</Link></td>
                  <td className={`${td} tabular-nums text-zinc-500`}>{formatWhen(p.createdAt)}</td>
                  {keys.map((k) => <td key={k.key} className={`${td} text-right tabular-nums`}>{formatScore(p.means[k.key], k.scale)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
