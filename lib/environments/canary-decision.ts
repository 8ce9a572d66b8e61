import type { GateRules } from "../releases/types";

// The canary monitor's decision (issue 6): canary against stable over a window of traces. A pure
// function of the figures, the policy and the time, so every decision can be replayed from its record.

export interface VariantStats {
  /** traces in the window */
  n: number;
  /** traces whose status is error */
  errors: number;
  /** p95 of durationMs, null without traces */
  p95Ms: number | null;
  /** mean costUsd per trace, null without traces */
  meanCostUsd: number | null;
  /**
   * User feedback received in the window on this variant's traces: how many traces got any, and how
   * many of those got at least one negative. Per trace, so one angry user clicking twice counts once.
   */
  feedback?: { traces: number; negative: number };
}

export interface CanaryThresholds {
  maxErrorRateIncrease: number;
  maxP95LatencyIncreasePct: number;
  maxCostIncreasePct: number;
  maxNegativeFeedbackIncrease: number;
  minSample: number;
  windowMinutes: number;
  autoGraduateAfterMinutes: number | null;
}

export const DEFAULT_CANARY_THRESHOLDS: CanaryThresholds = {
  maxErrorRateIncrease: 0.02,
  maxP95LatencyIncreasePct: 20,
  maxCostIncreasePct: 20,
  maxNegativeFeedbackIncrease: 0.05,
  minSample: 50,
  windowMinutes: 15,
  autoGraduateAfterMinutes: null,
};

export function canaryThresholds(rules: GateRules | null | undefined): CanaryThresholds {
  const d = DEFAULT_CANARY_THRESHOLDS;
  return {
    maxErrorRateIncrease: rules?.canaryMaxErrorRateIncrease ?? d.maxErrorRateIncrease,
    maxP95LatencyIncreasePct: rules?.canaryMaxP95LatencyIncreasePct ?? d.maxP95LatencyIncreasePct,
    maxCostIncreasePct: rules?.canaryMaxCostIncreasePct ?? d.maxCostIncreasePct,
    maxNegativeFeedbackIncrease: rules?.canaryMaxNegativeFeedbackIncrease ?? d.maxNegativeFeedbackIncrease,
    minSample: rules?.canaryMinSample ?? d.minSample,
    windowMinutes: rules?.canaryWindowMinutes ?? d.windowMinutes,
    autoGraduateAfterMinutes: rules?.canaryAutoGraduateAfterMinutes ?? d.autoGraduateAfterMinutes,
  };
}

export type CanaryDecision =
  | { action: "rollback"; reason: string; breaches: string[] }
  | { action: "graduate"; reason: string }
  | { action: "hold"; reason: string };

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const increasePct = (canary: number, stable: number) => (stable > 0 ? ((canary - stable) / stable) * 100 : canary > 0 ? Infinity : 0);

/**
 * rollback: any figure breaches its limit (with the numbers); graduate: healthy and the canary has
 * run unchanged for the configured time; hold: too few traces, or healthy but not long enough.
 */
export function decideCanary(input: { stable: VariantStats; canary: VariantStats; thresholds: CanaryThresholds; canarySince: Date; now: Date }): CanaryDecision {
  const { stable, canary, thresholds: t } = input;
  if (canary.n < t.minSample || stable.n < t.minSample) {
    return { action: "hold", reason: `Too few traces in the last ${t.windowMinutes} min to judge: canary ${canary.n}, stable ${stable.n}, ${t.minSample} needed each.` };
  }
  const breaches: string[] = [];
  const errStable = stable.errors / stable.n;
  const errCanary = canary.errors / canary.n;
  if (errCanary - errStable > t.maxErrorRateIncrease) {
    breaches.push(`error rate ${pct(errCanary)} vs stable ${pct(errStable)} (+${((errCanary - errStable) * 100).toFixed(1)} points > ${(t.maxErrorRateIncrease * 100).toFixed(1)} allowed)`);
  }
  if (canary.p95Ms !== null && stable.p95Ms !== null) {
    const inc = increasePct(canary.p95Ms, stable.p95Ms);
    if (inc > t.maxP95LatencyIncreasePct) breaches.push(`p95 latency ${Math.round(canary.p95Ms)} ms vs stable ${Math.round(stable.p95Ms)} ms (+${inc.toFixed(1)}% > ${t.maxP95LatencyIncreasePct}% allowed)`);
  }
  if (canary.meanCostUsd !== null && stable.meanCostUsd !== null) {
    const inc = increasePct(canary.meanCostUsd, stable.meanCostUsd);
    if (inc > t.maxCostIncreasePct) breaches.push(`cost per request $${canary.meanCostUsd.toFixed(6)} vs stable $${stable.meanCostUsd.toFixed(6)} (+${inc.toFixed(1)}% > ${t.maxCostIncreasePct}% allowed)`);
  }
  // Feedback is sparse (a few percent of traces get any), so it is judged only once both sides have
  // the minimum sample of traces with feedback; until then the other figures decide alone.
  const fbCanary = canary.feedback ?? { traces: 0, negative: 0 };
  const fbStable = stable.feedback ?? { traces: 0, negative: 0 };
  const feedbackJudged = fbCanary.traces >= t.minSample && fbStable.traces >= t.minSample;
  if (feedbackJudged) {
    const negCanary = fbCanary.negative / fbCanary.traces;
    const negStable = fbStable.negative / fbStable.traces;
    if (negCanary - negStable > t.maxNegativeFeedbackIncrease) {
      breaches.push(
        `negative user feedback on ${pct(negCanary)} of traces with feedback vs stable ${pct(negStable)} (+${((negCanary - negStable) * 100).toFixed(1)} points > ${(t.maxNegativeFeedbackIncrease * 100).toFixed(1)} allowed; ` +
          `${fbCanary.traces} and ${fbStable.traces} traces with feedback)`,
      );
    }
  }
  const feedbackNote = feedbackJudged ? "" : ` User feedback not judged yet: canary ${fbCanary.traces}, stable ${fbStable.traces} traces with feedback, ${t.minSample} needed each.`;
  const sample = `over the last ${t.windowMinutes} min (canary ${canary.n} traces, stable ${stable.n})`;
  if (breaches.length) return { action: "rollback", reason: `Canary monitor: ${breaches.join("; ")} ${sample}.`, breaches };
  const healthyMinutes = (input.now.getTime() - input.canarySince.getTime()) / 60_000;
  if (t.autoGraduateAfterMinutes !== null && healthyMinutes >= t.autoGraduateAfterMinutes) {
    return { action: "graduate", reason: `Canary monitor: healthy for ${Math.floor(healthyMinutes)} min (≥ ${t.autoGraduateAfterMinutes}) ${sample}: error rate ${pct(errCanary)} vs ${pct(errStable)}.${feedbackNote}` };
  }
  return {
    action: "hold",
    reason: t.autoGraduateAfterMinutes === null
      ? `Healthy ${sample}; the policy sets no automatic graduation.${feedbackNote}`
      : `Healthy ${sample}; graduates after ${t.autoGraduateAfterMinutes} min (${Math.floor(healthyMinutes)} so far).${feedbackNote}`,
  };
}
