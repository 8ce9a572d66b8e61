import type { Interval } from "@/lib/evals/stats";
import type { ScoreKeyInfo } from "@/lib/evals/runs/types";

// How eval numbers read everywhere in the console. Judge dimensions are on the rubric's 1–5 scale
// (two decimals would claim a precision a 5-point rubric does not have), scorers on 0–1.

type Scale = ScoreKeyInfo["scale"];

const isJudgeScale = (scale: Scale) => scale.max > 1;

export function formatScore(value: number | null | undefined, scale: Scale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toFixed(isJudgeScale(scale) ? 1 : 2);
}

/** "4.2 [3.9–4.5]": the estimate with its 95% interval. */
export function formatInterval(interval: Interval | null | undefined, scale: Scale): string {
  if (!interval) return "—";
  return `${formatScore(interval.estimate, scale)} [${formatScore(interval.low, scale)}–${formatScore(interval.high, scale)}]`;
}

/** A difference keeps its sign so "+0.3" and "−0.3" are told apart at a glance. */
export function formatSigned(value: number | null | undefined, scale: Scale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = formatScore(Math.abs(value), scale);
  if (Number(text) === 0) return text;
  return `${value > 0 ? "+" : "−"}${text}`;
}

export function formatSignedInterval(interval: Interval | null | undefined, scale: Scale): string {
  if (!interval) return "—";
  return `${formatSigned(interval.estimate, scale)} [${formatSigned(interval.low, scale)}, ${formatSigned(interval.high, scale)}]`;
}

export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return "—";
  return `${(rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1)}%`;
}

/** Costs here are often fractions of a cent; four significant digits keep them readable. */
export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (value === 0) return "$0";
  if (Math.abs(value) >= 1) return `$${value.toFixed(2)}`;
  return `$${Number(value.toPrecision(3)).toString()}`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s % 60);
  if (m < 60) return `${m}m ${String(rest).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

export const formatCount = (n: number) => n.toLocaleString("en-US");

/** UTC, minutes: the console shows one time zone so screenshots and audit entries agree. */
export const formatWhen = (iso: string) => iso.replace("T", " ").slice(0, 16);
