// Inter-annotator agreement (issue 7, "Agreement"): how far a queue's annotators agree, per dimension,
// before their labels are trusted as gold. Krippendorff's alpha is the main figure because it copes
// with what queues really produce — any number of annotators per item, skipped (missing) labels, and
// scale as well as category dimensions. Fleiss' kappa is kept for nominal data with a fixed number of
// raters, where people often expect it.
//
// Sources (the unit tests reproduce their worked examples):
// - K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011, Annenberg School, U. Penn.):
//   coincidence matrix, difference functions, and the 4-observer × 12-unit example with missing values
//   (nominal 0.743, ordinal 0.815, interval 0.849).
// - J. L. Fleiss, "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5),
//   1971; the 10-subject × 14-rater × 5-category example on Wikipedia's "Fleiss' kappa" (κ ≈ 0.210).

export type AgreementValue = number | string | boolean | null;
export type AgreementMetric = "nominal" | "interval" | "ordinal";

export interface AlphaResult {
  /** null when nothing is pairable or every pairable value is the same (no expected disagreement). */
  alpha: number | null;
  /** Pairable items: those with at least two values. */
  units: number;
  /** Values inside pairable items — the sample size shown next to the figure. */
  values: number;
}

/** Distinct values in a stable order: numbers ascending (ordinal/interval need the order), else first seen. */
function distinctValues(units: Exclude<AgreementValue, null>[][], metric: AgreementMetric): Exclude<AgreementValue, null>[] {
  const seen = new Map<string, Exclude<AgreementValue, null>>();
  for (const unit of units) for (const v of unit) seen.set(keyOf(v), v);
  const values = [...seen.values()];
  if (metric !== "nominal") {
    for (const v of values) if (typeof v !== "number" || !Number.isFinite(v)) throw new TypeError(`${metric} agreement needs numbers, got ${JSON.stringify(v)}`);
    (values as number[]).sort((a, b) => a - b);
  }
  return values;
}

// "1" (a category) and 1 (a score) must not collide, nor true and "true".
function keyOf(v: Exclude<AgreementValue, null>): string {
  return `${typeof v}:${String(v)}`;
}

/**
 * Krippendorff's alpha = 1 − D_o / D_e over the coincidence matrix. Items with fewer than two values
 * cannot show (dis)agreement and are left out, as Krippendorff prescribes.
 */
export function krippendorffAlpha(units: AgreementValue[][], metric: AgreementMetric): AlphaResult {
  const pairable = units.map((u) => u.filter((v): v is Exclude<AgreementValue, null> => v !== null && v !== undefined)).filter((u) => u.length >= 2);
  const valueCount = pairable.reduce((sum, u) => sum + u.length, 0);
  if (pairable.length === 0) return { alpha: null, units: 0, values: 0 };

  const values = distinctValues(pairable, metric);
  const index = new Map(values.map((v, i) => [keyOf(v), i]));
  const V = values.length;

  // o[c][k]: each ordered pair of values within an item, weighted 1/(m_u − 1) so every value counts once.
  const o = Array.from({ length: V }, () => new Float64Array(V));
  for (const unit of pairable) {
    const weight = 1 / (unit.length - 1);
    const idx = unit.map((v) => index.get(keyOf(v))!);
    for (let i = 0; i < idx.length; i++) for (let j = 0; j < idx.length; j++) if (i !== j) o[idx[i]][idx[j]] += weight;
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);

  const delta = differenceFunction(values, nc, metric);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      const d = delta(c, k);
      observed += o[c][k] * d;
      expected += nc[c] * nc[k] * d;
    }
  }
  if (expected === 0) return { alpha: null, units: pairable.length, values: valueCount };
  return { alpha: 1 - ((n - 1) * observed) / expected, units: pairable.length, values: valueCount };
}

/** δ²(c, k) on value indexes, per Krippendorff's difference functions. */
function differenceFunction(values: Exclude<AgreementValue, null>[], nc: number[], metric: AgreementMetric): (c: number, k: number) => number {
  if (metric === "nominal") return (c, k) => (c === k ? 0 : 1);
  const nums = values as number[];
  if (metric === "interval") return (c, k) => (nums[c] - nums[k]) ** 2;
  // Ordinal: the distance between two ranks is the mass of values between them (half of each end).
  const cumulative = [0];
  for (const count of nc) cumulative.push(cumulative[cumulative.length - 1] + count);
  return (c, k) => {
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    const between = cumulative[hi + 1] - cumulative[lo];
    return (between - (nc[lo] + nc[hi]) / 2) ** 2;
  };
}

export interface KappaResult {
  /** null when nothing was rated or chance agreement is already perfect (one category only). */
  kappa: number | null;
  units: number;
  values: number;
  /** Raters per item. */
  raters: number;
}

/**
 * Fleiss' kappa from a subjects × categories count table (each row sums to the same number of raters).
 * Throws when rows differ in their rater count: Fleiss' kappa is not defined then — use alpha.
 */
export function fleissKappaFromCounts(counts: number[][]): KappaResult {
  const rows = counts.filter((row) => row.reduce((a, b) => a + b, 0) > 0);
  if (rows.length === 0) return { kappa: null, units: 0, values: 0, raters: 0 };
  const raters = rows[0].reduce((a, b) => a + b, 0);
  if (raters < 2) return { kappa: null, units: 0, values: 0, raters };
  for (const row of rows) {
    if (row.reduce((a, b) => a + b, 0) !== raters) throw new RangeError("Fleiss' kappa needs the same number of raters for every item");
    if (row.some((x) => !Number.isInteger(x) || x < 0)) throw new RangeError("counts must be non-negative whole numbers");
  }
  const N = rows.length;
  const categories = Math.max(...rows.map((r) => r.length));
  const p = Array.from({ length: categories }, (_, j) => rows.reduce((sum, r) => sum + (r[j] ?? 0), 0) / (N * raters));
  const pBar = rows.reduce((sum, r) => sum + (r.reduce((s, x) => s + x * x, 0) - raters) / (raters * (raters - 1)), 0) / N;
  const pe = p.reduce((sum, pj) => sum + pj * pj, 0);
  const kappa = pe === 1 ? null : (pBar - pe) / (1 - pe);
  return { kappa, units: N, values: N * raters, raters };
}

/**
 * Fleiss' kappa over raw labels, shaped like krippendorffAlpha's input (null = missing). Items with
 * fewer than two labels are left out; the rest must all carry the same number of labels.
 */
export function fleissKappa(units: AgreementValue[][]): KappaResult {
  const rated = units.map((u) => u.filter((v): v is Exclude<AgreementValue, null> => v !== null && v !== undefined)).filter((u) => u.length >= 2);
  if (rated.length === 0) return { kappa: null, units: 0, values: 0, raters: 0 };
  const categories = distinctValues(rated, "nominal");
  const index = new Map(categories.map((v, i) => [keyOf(v), i]));
  const counts = rated.map((unit) => {
    const row = new Array<number>(categories.length).fill(0);
    for (const v of unit) row[index.get(keyOf(v))!] += 1;
    return row;
  });
  return fleissKappaFromCounts(counts);
}
