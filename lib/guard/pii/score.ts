// Token-level scoring of the PII benchmark exactly as ../shared/benchmarks/README.md defines it, so that
// every run, on the development set or a held-out one, is comparable.

export const SCORED_ENTITY_TYPES = [
  "PERSON",
  "EMAIL_ADDRESS",
  "PHONE_NUMBER",
  "CREDIT_CARD",
  "IBAN_CODE",
  "US_SSN",
  "IP_ADDRESS",
  "STREET_ADDRESS",
  "US_DRIVER_LICENSE",
] as const;

const SCORED = new Set<string>(SCORED_ENTITY_TYPES);

export interface GoldSpan {
  entity_type: string;
  start_position: number;
  end_position: number;
}

export interface ScoredText {
  text: string;
  gold: GoldSpan[];
  /** Character ranges the scrubber masks (type does not matter to the token score). */
  predicted: Array<{ start: number; end: number }>;
}

export interface TokenScore {
  precision: number;
  recall: number;
  f2: number;
  recall_by_type: Record<string, number>;
  counts: { tp: number; fp: number; fn: number; tn: number; ignored: number };
}

// Tokens are maximal runs of Unicode letters and digits.
const TOKEN = /[\p{L}\p{N}]+/gu;

const overlaps = (s: number, e: number, a: number, b: number) => s < b && e > a;

export function scoreTokens(items: Iterable<ScoredText>): TokenScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let ignored = 0;
  const byType = new Map<string, { found: number; total: number }>();
  for (const item of items) {
    for (const m of item.text.matchAll(TOKEN)) {
      const s = m.index;
      const e = s + m[0].length;
      const types = new Set<string>();
      let unscored = false;
      for (const g of item.gold) {
        if (!overlaps(s, e, g.start_position, g.end_position)) continue;
        if (SCORED.has(g.entity_type)) types.add(g.entity_type);
        else unscored = true;
      }
      const predicted = item.predicted.some((p) => overlaps(s, e, p.start, p.end));
      if (types.size > 0) {
        if (predicted) tp++;
        else fn++;
        for (const t of types) {
          const entry = byType.get(t) ?? { found: 0, total: 0 };
          entry.total++;
          if (predicted) entry.found++;
          byType.set(t, entry);
        }
      } else if (unscored) ignored++;
      else if (predicted) fp++;
      else tn++;
    }
  }
  // With nothing predicted there is no false alarm (precision 1); with nothing to find, nothing is missed.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f2 = precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
  const recall_by_type: Record<string, number> = {};
  for (const t of SCORED_ENTITY_TYPES) {
    const entry = byType.get(t);
    if (entry) recall_by_type[t] = entry.found / entry.total;
  }
  return { precision, recall, f2, recall_by_type, counts: { tp, fp, fn, tn, ignored } };
}
