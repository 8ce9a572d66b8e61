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
}

export interface CanaryThresholds {
  maxErrorRateIncrease: number;
  maxP95LatencyIncreasePct: number;
  maxCostIncreasePct: number;
  minSample: number;
  windowMinutes: number;
  autoGraduateAfterMinutes: number | null;
}

export const DEFAULT_CANARY_THRESHOLDS: CanaryThresholds = {
  maxErrorRateIncrease: 0.02,
  maxP95LatencyIncreasePct: 20,
  maxCostIncreasePct: 20,
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
  const sample = `over the last ${t.windowMinutes} min (canary ${canary.n} traces, stable ${stable.n})`;
  if (breaches.length) return { action: "rollback", reason: `Canary monitor: ${breaches.join("; ")} ${sample}.`, breaches };
  const healthyMinutes = (input.now.getTime() - input.canarySince.getTime()) / 60_000;
  if (t.autoGraduateAfterMinutes !== null && healthyMinutes >= t.autoGraduateAfterMinutes) {
    return { action: "graduate", reason: `Canary monitor: healthy for ${Math.floor(healthyMinutes)} min (≥ ${t.autoGraduateAfterMinutes}) ${sample}: error rate ${pct(errCanary)} vs ${pct(errStable)}.` };
  }
  return {
    action: "hold",
    reason: t.autoGraduateAfterMinutes === null
      ? `Healthy ${sample}; the policy sets no automatic graduation.`
      : `Healthy ${sample}; graduates after ${t.autoGraduateAfterMinutes} min (${Math.floor(healthyMinutes)} so far).`,
  };
}
