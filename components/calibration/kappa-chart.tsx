"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TDimensionCalibration } from "@/lib/calibration/schemas";
import { formatCoefficient } from "./format";

// Okabe–Ito blue for calibrated, vermillion for not: apart for colour-blind readers too, and the table
// beside the chart says the same in words.
const CALIBRATED = "#0072B2";
const NOT_CALIBRATED = "#D55E00";

/** Kappa per dimension with its 95% bootstrap interval and the project's threshold as a line. */
export function KappaChart({ dimensions, threshold, label }: { dimensions: TDimensionCalibration[]; threshold: number; label: string }) {
  const data = dimensions.map((d) => ({
    dimension: d.dimension,
    kappa: d.kappa,
    // ErrorBar wants distances below and above the bar's value
    interval: d.kappa !== null && d.kappaInterval ? [d.kappa - d.kappaInterval.low, d.kappaInterval.high - d.kappa] : [0, 0],
    low: d.kappaInterval?.low ?? null,
    high: d.kappaInterval?.high ?? null,
    calibrated: d.calibrated,
  }));
  const lowest = Math.min(0, ...data.map((d) => d.low ?? d.kappa ?? 0));
  return (
    <figure aria-label={`Kappa per dimension for ${label}`} className="space-y-1">
      <div className="h-48 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 12, right: 12, bottom: 0, left: 0 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} vertical={false} />
            <XAxis dataKey="dimension" tick={{ fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} />
            <YAxis domain={[Math.floor(lowest * 4) / 4, 1]} tick={{ fontSize: 11 }} width={36} stroke="currentColor" strokeOpacity={0.4} />
            <Tooltip
              contentStyle={{ fontSize: 12 }}
              formatter={(_value, _name, item) => {
                const p = item.payload as (typeof data)[number];
                const range = p.low !== null && p.high !== null ? ` [${formatCoefficient(p.low)}–${formatCoefficient(p.high)}]` : "";
                return [`${formatCoefficient(p.kappa)}${range}`, "kappa (95% interval)"];
              }}
            />
            <ReferenceLine y={threshold} stroke="currentColor" strokeDasharray="4 3" strokeOpacity={0.7}
              label={{ value: `threshold ${threshold}`, position: "insideTopRight", fontSize: 11, fill: "currentColor" }} />
            <Bar dataKey="kappa" isAnimationActive={false} maxBarSize={48}
              shape={(props: { x?: number; y?: number; width?: number; height?: number; payload?: (typeof data)[number] }) => {
                const { x = 0, y = 0, width = 0, height = 0, payload } = props;
                // negative kappas come with a negative height: draw from the zero line either way
                return <rect x={x} y={height < 0 ? y + height : y} width={width} height={Math.abs(height)} rx={2} fill={payload?.calibrated ? CALIBRATED : NOT_CALIBRATED} />;
              }}>
              <ErrorBar dataKey="interval" width={8} strokeWidth={1.5} stroke="currentColor" direction="y" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">
        Quadratic-weighted kappa against gold human labels; whiskers: 95% bootstrap interval; dashed line: the project&apos;s threshold.
        Blue bars are calibrated, orange are not.
      </figcaption>
    </figure>
  );
}
