import { seedFrom, seededShuffle } from "./sampling-eval";
import type { TRACE_STRATA } from "./sources";

// Stratified sampling of production traces (issue 7): traces are grouped by language and score bucket
// (until monitoring adds online judge scores and topic clusters, the bucket is the trace's user
// feedback), ratePercent of every group is taken — at least one from each non-empty group, so rare
// groups (Arabic complaints) are seen even at a low rate — and the run is capped at maxPerRun by
// taking from the groups in turn. Seeded by queue and window: a rerun of a window picks the same traces.

export type ScoreBucket = "negative" | "positive" | "none";

export interface TraceCandidate {
  traceId: string;
  language: string;
  bucket: ScoreBucket;
}

/** The bucket of a trace's feedback: any negative feedback makes it negative. */
export function scoreBucketOf(feedback: { negative: boolean }[]): ScoreBucket {
  if (feedback.length === 0) return "none";
  return feedback.some((f) => f.negative) ? "negative" : "positive";
}

export function stratumOf(c: TraceCandidate, strata: readonly (typeof TRACE_STRATA)[number][]): string {
  const parts = [...(strata.includes("language") ? [c.language] : []), ...(strata.includes("score_bucket") ? [c.bucket] : [])];
  return parts.length ? parts.join("|") : "all";
}

export interface StratifiedPlan {
  ratePercent: number;
  maxPerRun: number;
  strata: readonly (typeof TRACE_STRATA)[number][];
  /** names the window: queue id and its start, so a rerun of the window draws the same */
  seedKey: string;
}

/** The traces to label, each with its stratum; strata in name order, interleaved. */
export function sampleStrata<C extends TraceCandidate>(candidates: C[], plan: StratifiedPlan): { candidate: C; stratum: string }[] {
  const groups = new Map<string, C[]>();
  for (const c of candidates) {
    const key = stratumOf(c, plan.strata);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const picks = [...groups.keys()].sort().map((stratum) => {
    const members = groups.get(stratum)!;
    const take = Math.max(1, Math.round((members.length * plan.ratePercent) / 100));
    return { stratum, list: seededShuffle(members, seedFrom(`${plan.seedKey}|${stratum}`)).slice(0, take) };
  });
  const out: { candidate: C; stratum: string }[] = [];
  for (let round = 0; out.length < plan.maxPerRun; round++) {
    const before = out.length;
    for (const p of picks) {
      if (round < p.list.length && out.length < plan.maxPerRun) out.push({ candidate: p.list[round], stratum: p.stratum });
    }
    if (out.length === before) break;
  }
  return out;
}
