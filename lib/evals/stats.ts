import { mean as ssMean, quantileSorted } from "simple-statistics";
import { mulberry32 } from "./prng";

// Run summaries and run comparisons (issue 4, "Results"). Empty inputs return null rather than NaN
// or an exception: a run with no Arabic items is normal, and the summary shows "—" for it.

export const DEFAULT_RESAMPLES = 2000;
export const DEFAULT_SEED = 20240601;

export interface BootstrapOptions {
  resamples?: number;
  /** 0.95 for a 95% interval. */
  confidence?: number;
  seed?: number;
}

export interface Interval {
  estimate: number;
  low: number;
  high: number;
  n: number;
}

export function mean(values: number[]): number | null {
  return values.length === 0 ? null : ssMean(values);
}

/**
 * The p-th quantile (p in 0..1) with linear interpolation between order statistics (simple-statistics
 * 7.12; the same as numpy's default and R's type 7), so p95 of 1..10 is 9.55, not 10.
 */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be between 0 and 1, got ${p}`);
  return quantileSorted([...values].sort((a, b) => a - b), p);
}

export interface PassRate {
  rate: number;
  passed: number;
  total: number;
}

/** Share of passes among the results that have a verdict (scorers without a threshold give none). */
export function passRate(verdicts: Array<boolean | undefined | null>): PassRate | null {
  const judged = verdicts.filter((v): v is boolean => typeof v === "boolean");
  if (judged.length === 0) return null;
  const passed = judged.filter(Boolean).length;
  return { rate: passed / judged.length, passed, total: judged.length };
}

function resolve(options: BootstrapOptions) {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError("resamples must be a positive integer");
  if (!(confidence > 0 && confidence < 1)) throw new RangeError("confidence must be between 0 and 1");
  return { resamples, confidence, random: mulberry32(options.seed ?? DEFAULT_SEED) };
}

// The hot loop of every summary (~25 bootstraps of up to thousands of items each): a typed array and
// an integer truncation instead of Math.floor keep it a few nanoseconds per draw.
function resampleMean(values: Float64Array, random: () => number): number {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[(random() * n) | 0];
  return sum / n;
}

/** Percentile-method interval over the bootstrap distribution. */
function percentileInterval(estimate: number, statistics: number[], confidence: number, n: number): Interval {
  statistics.sort((a, b) => a - b);
  const alpha = (1 - confidence) / 2;
  return { estimate, low: quantileSorted(statistics, alpha), high: quantileSorted(statistics, 1 - alpha), n };
}

/** Bootstrap interval of the mean (percentile method, seeded so it is reproducible). */
export function bootstrapMeanInterval(values: number[], options: BootstrapOptions = {}): Interval | null {
  if (values.length === 0) return null;
  const { resamples, confidence, random } = resolve(options);
  const typed = Float64Array.from(values);
  const means = Array.from({ length: resamples }, () => resampleMean(typed, random));
  return percentileInterval(ssMean(values), means, confidence, values.length);
}

export interface KeyedValue {
  /** Dataset item id; repeats of one item share it. */
  key: string;
  value: number;
}

export interface PairedDifference extends Interval {
  /** Keys present in only one run; they are left out of the comparison. */
  onlyInBaseline: string[];
  onlyInCandidate: string[];
}

function meanPerKey(values: KeyedValue[]): Map<string, number> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const { key, value } of values) {
    const entry = sums.get(key) ?? { sum: 0, count: 0 };
    entry.sum += value;
    entry.count += 1;
    sums.set(key, entry);
  }
  return new Map([...sums].map(([key, { sum, count }]) => [key, sum / count]));
}

/**
 * Candidate − baseline, paired by item: repeats are averaged per item first, then the per-item
 * differences are resampled. Pairing removes between-item variance, which is why two runs on the same
 * dataset are compared this way rather than by two independent intervals.
 */
export function pairedBootstrapDifference(baseline: KeyedValue[], candidate: KeyedValue[], options: BootstrapOptions = {}): PairedDifference | null {
  const base = meanPerKey(baseline);
  const cand = meanPerKey(candidate);
  const keys = [...base.keys()].filter((k) => cand.has(k)).sort();
  const onlyInBaseline = [...base.keys()].filter((k) => !cand.has(k));
  const onlyInCandidate = [...cand.keys()].filter((k) => !base.has(k));
  if (keys.length === 0) return null;
  const differences = keys.map((k) => cand.get(k)! - base.get(k)!);
  const interval = bootstrapMeanInterval(differences, options)!;
  return { ...interval, onlyInBaseline, onlyInCandidate };
}

export interface LanguageValue {
  language: string;
  value: number;
}

export interface LanguageParity extends Interval {
  first: { language: string; mean: number; n: number };
  second: { language: string; mean: number; n: number };
}

/** "ar-SA" and "AR" both belong to "ar". */
function primaryTag(language: string): string {
  return language.trim().toLowerCase().split(/[-_]/)[0];
}

/**
 * mean(first) − mean(second), by default English minus Arabic, with an interval from resampling each
 * language independently (different items, so no pairing). A positive gap means Arabic users get worse
 * answers. n is the smaller group's size.
 */
export function languageParityGap(samples: LanguageValue[], options: BootstrapOptions & { first?: string; second?: string } = {}): LanguageParity | null {
  const first = primaryTag(options.first ?? "en");
  const second = primaryTag(options.second ?? "ar");
  const a = samples.filter((s) => primaryTag(s.language) === first).map((s) => s.value);
  const b = samples.filter((s) => primaryTag(s.language) === second).map((s) => s.value);
  if (a.length === 0 || b.length === 0) return null;
  const { resamples, confidence, random } = resolve(options);
  const typedA = Float64Array.from(a);
  const typedB = Float64Array.from(b);
  const gaps = Array.from({ length: resamples }, () => resampleMean(typedA, random) - resampleMean(typedB, random));
  const meanA = ssMean(a);
  const meanB = ssMean(b);
  return {
    ...percentileInterval(meanA - meanB, gaps, confidence, Math.min(a.length, b.length)),
    first: { language: first, mean: meanA, n: a.length },
    second: { language: second, mean: meanB, n: b.length },
  };
}
