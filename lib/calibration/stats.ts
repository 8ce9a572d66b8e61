import { quantileSorted } from "simple-statistics";
import { mulberry32 } from "../evals/prng";
import { DEFAULT_RESAMPLES, DEFAULT_SEED, type BootstrapOptions, type Interval } from "../evals/stats";

// How far an automated judge agrees with gold human labels on one rubric dimension (issue 7, "Judge
// calibration"). Every function takes paired scores — pairs[i] is one item scored by both — and returns
// null rather than NaN when the figure is undefined (too few pairs, no variation), which the page shows
// as "—" and which never counts as calibrated.

export interface ScorePair {
  /** The gold human label, a whole number on the scale. */
  human: number;
  /** The judge's score on the same scale. */
  judge: number;
}

export interface Scale {
  min: number;
  max: number;
}

function checkScale(scale: Scale) {
  if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max) || scale.max <= scale.min) throw new RangeError("a scale needs whole-number min < max");
}

function indexOn(scale: Scale, value: number): number {
  const i = Math.round(value) - scale.min;
  if (i < 0 || i > scale.max - scale.min) throw new RangeError(`${value} is outside the scale ${scale.min}–${scale.max}`);
  return i;
}

export interface ConfusionMatrix {
  /** The scale's values, the rows' and the columns' labels. */
  values: number[];
  /** counts[h][j]: items the humans scored values[h] and the judge values[j]. */
  counts: number[][];
}

/** Rows are the human (gold) score, columns the judge's; judge scores are rounded to the scale. */
export function confusionMatrix(pairs: ScorePair[], scale: Scale): ConfusionMatrix {
  checkScale(scale);
  const size = scale.max - scale.min + 1;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const p of pairs) counts[indexOn(scale, p.human)][indexOn(scale, p.judge)] += 1;
  return { values: Array.from({ length: size }, (_, i) => scale.min + i), counts };
}

/**
 * Quadratic-weighted Cohen's kappa: 1 − Σ w·O / Σ w·E with w = (i − j)² / (k − 1)², E the product of the
 * marginals. A judge one point off is penalised a little, four points off sixteen times as much — the
 * standard choice for ordinal scores (Cohen 1968). null when chance disagreement is 0 (one value only).
 */
export function quadraticWeightedKappa(pairs: ScorePair[], scale: Scale): number | null {
  if (pairs.length === 0) return null;
  return kappaOfMatrix(confusionMatrix(pairs, scale).counts);
}

function kappaOfMatrix(counts: number[][]): number | null {
  const k = counts.length;
  const rows = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = counts[0].map((_, j) => counts.reduce((a, r) => a + r[j], 0));
  const n = rows.reduce((a, b) => a + b, 0);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = (i - j) ** 2 / (k - 1) ** 2;
      observed += w * counts[i][j];
      expected += (w * rows[i] * cols[j]) / n;
    }
  }
  return expected === 0 ? null : 1 - observed / expected;
}

/** 1-based ranks, tied values sharing the average of the ranks they span. */
export function averageRanks(values: number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].v === order[start].v) end++;
    const rank = (start + end) / 2 + 1;
    for (let t = start; t <= end; t++) ranks[order[t].i] = rank;
    start = end + 1;
  }
  return ranks;
}

function pearson(x: number[], y: number[]): number | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rho: the Pearson correlation of average ranks (correct with ties). null below 2 pairs or with no variation. */
export function spearman(x: number[], y: number[]): number | null {
  if (x.length !== y.length) throw new RangeError("spearman needs two equally long lists");
  return pearson(averageRanks(x), averageRanks(y));
}

export function meanAbsoluteError(pairs: ScorePair[]): number | null {
  if (pairs.length === 0) return null;
  return pairs.reduce((sum, p) => sum + Math.abs(p.judge - p.human), 0) / pairs.length;
}

export interface VerbosityBias {
  /** judge − human: above 0 the judge rewards length more than people do. */
  bias: number;
  judge: number;
  human: number;
}

/**
 * Spearman(judge score, output length) − Spearman(human score, output length). A correlation with length
 * alone is not a bias (longer answers may really be better); the excess over what people see is.
 */
export function verbosityBias(pairs: ScorePair[], lengths: number[]): VerbosityBias | null {
  if (pairs.length !== lengths.length) throw new RangeError("one output length per pair");
  const judge = spearman(pairs.map((p) => p.judge), lengths);
  const human = spearman(pairs.map((p) => p.human), lengths);
  return judge === null || human === null ? null : { bias: judge - human, judge, human };
}

/**
 * Percentile bootstrap interval of the weighted kappa, resampling items (seeded, so the page shows the
 * same interval on every load). Resamples where kappa is undefined (all one value) are dropped; with
 * fewer than 2 pairs there is no interval.
 */
export function bootstrapKappaInterval(pairs: ScorePair[], scale: Scale, options: BootstrapOptions = {}): Interval | null {
  const estimate = quadraticWeightedKappa(pairs, scale);
  if (estimate === null || pairs.length < 2) return null;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError("resamples must be a positive integer");
  if (!(confidence > 0 && confidence < 1)) throw new RangeError("confidence must be between 0 and 1");
  const random = mulberry32(options.seed ?? DEFAULT_SEED);
  const size = scale.max - scale.min + 1;
  const cells = pairs.map((p) => [indexOn(scale, p.human), indexOn(scale, p.judge)] as const);
  const n = cells.length;
  const statistics: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    for (let i = 0; i < n; i++) {
      const [h, j] = cells[(random() * n) | 0];
      counts[h][j] += 1;
    }
    const k = kappaOfMatrix(counts);
    if (k !== null) statistics.push(k);
  }
  if (statistics.length === 0) return null;
  statistics.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { estimate, low: quantileSorted(statistics, tail), high: quantileSorted(statistics, 1 - tail), n };
}
