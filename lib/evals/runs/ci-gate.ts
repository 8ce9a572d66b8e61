import type { MetricSummary, RunComparison, RunSummary } from "./types";

// The CI gate of `npm run cli -- eval` (issue 4, "Interfaces"): per-metric minimums and "no
// regression against the baseline". Pure, so the exit code's reasons are unit-tested.

export interface Threshold {
  key: string;
  min: number;
}

/** "faithfulness=4" or "judge.faithfulness=4" or "similarity=0.6". */
export function parseThreshold(text: string): Threshold {
  const match = /^([a-z][a-z0-9_.-]*)=(-?\d+(?:\.\d+)?)$/i.exec(text.trim());
  if (!match) throw new Error(`--min "${text}" is not dimension=score (for example judge.faithfulness=4 or similarity=0.6)`);
  return { key: match[1], min: Number(match[2]) };
}

/** A bare judge dimension name ("faithfulness") means the judge's score unless a scorer has that exact key. */
export function resolveKey(key: string, metrics: Pick<MetricSummary, "key">[]): string | null {
  if (metrics.some((m) => m.key === key)) return key;
  if (metrics.some((m) => m.key === `judge.${key}`)) return `judge.${key}`;
  return null;
}

export interface GateRow {
  key: string;
  label: string;
  mean: number | null;
  low: number | null;
  high: number | null;
  n: number;
  passRate: number | null;
  min: number | null;
  /** Candidate − baseline with its paired interval, when a baseline was given. */
  difference: { estimate: number; low: number; high: number } | null;
  verdict: "ok" | "below-minimum" | "regression" | "no-scores";
}

export interface GateResult {
  rows: GateRow[];
  failures: string[];
  passed: boolean;
}

export function evaluateGate(summary: RunSummary, thresholds: Threshold[], comparison: RunComparison | null): GateResult {
  const metrics = summary.overall.metrics;
  const failures: string[] = [];
  const mins = new Map<string, number>();
  for (const t of thresholds) {
    const key = resolveKey(t.key, metrics);
    if (!key) failures.push(`--min ${t.key}: the run has no such score (it has ${metrics.map((m) => m.key).join(", ")})`);
    else mins.set(key, t.min);
  }
  const rows = metrics.map((m): GateRow => {
    const min = mins.get(m.key) ?? null;
    const compared = comparison?.metrics.find((c) => c.key === m.key);
    const difference = compared?.difference ? { estimate: compared.difference.estimate, low: compared.difference.low, high: compared.difference.high } : null;
    let verdict: GateRow["verdict"] = "ok";
    if (min !== null && !m.mean) {
      verdict = "no-scores";
      failures.push(`${m.key}: nothing was scored, so the minimum ${min} cannot be met`);
    } else if (min !== null && m.mean && m.mean.estimate < min) {
      verdict = "below-minimum";
      failures.push(`${m.key}: mean ${m.mean.estimate.toFixed(3)} is below the minimum ${min}`);
    } else if (compared?.verdict === "regression" && difference) {
      verdict = "regression";
      failures.push(`${m.key}: regressed against the baseline by ${difference.estimate.toFixed(3)} (95% interval ${difference.low.toFixed(3)} to ${difference.high.toFixed(3)})`);
    }
    return {
      key: m.key, label: m.label, mean: m.mean?.estimate ?? null, low: m.mean?.low ?? null, high: m.mean?.high ?? null, n: m.mean?.n ?? 0,
      passRate: m.passRate?.rate ?? null, min, difference, verdict,
    };
  });
  return { rows, failures, passed: failures.length === 0 };
}

const num = (v: number | null, digits = 3) => (v === null ? "—" : v.toFixed(digits));
const signed = (v: number) => `${v >= 0 ? "+" : ""}${v.toFixed(3)}`;

/** A fixed-width table for a CI log. */
export function formatGateTable(result: GateResult): string {
  const header = ["score", "mean", "95% interval", "pass rate", "n", "minimum", "vs baseline", "verdict"];
  const body = result.rows.map((r) => [
    r.key,
    num(r.mean),
    r.low === null ? "—" : `[${num(r.low)}, ${num(r.high)}]`,
    r.passRate === null ? "—" : `${Math.round(r.passRate * 100)}%`,
    String(r.n),
    r.min === null ? "—" : `≥ ${r.min}`,
    r.difference ? `${signed(r.difference.estimate)} [${signed(r.difference.low)}, ${signed(r.difference.high)}]` : "—",
    r.verdict === "ok" ? "ok" : r.verdict.toUpperCase(),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
