// Budget periods are UTC days and UTC calendar months; spend comes from the daily usage rollup, so
// every boundary is a UTC midnight.

export type BudgetPeriod = "daily" | "monthly";

export const DAY_MS = 86_400_000;
export const THRESHOLDS = [50, 80, 100] as const;
export type Threshold = (typeof THRESHOLDS)[number];

// The run-rate looks back this many days (today included) — long enough to smooth a quiet
// weekend, short enough to follow a launch.
export const RUN_RATE_DAYS = 7;

export function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** [start, end) of the period containing `now`. */
export function periodBounds(period: BudgetPeriod, now: Date): { start: Date; end: Date } {
  if (period === "daily") {
    const start = utcDay(now);
    return { start, end: new Date(start.getTime() + DAY_MS) };
  }
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return { start, end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)) };
}

/** Days (fractional) from `now` to the end of its period. */
export function remainingDays(period: BudgetPeriod, now: Date): number {
  return (periodBounds(period, now).end.getTime() - now.getTime()) / DAY_MS;
}

export interface DailySpend {
  /** UTC midnight */
  day: Date;
  costUsd: number;
}

/**
 * Recent spend per day: what the last RUN_RATE_DAYS days (today so far included) cost, divided by
 * the days they cover — counted from the first day with spend if that is later, and never less than
 * one day, so a single expensive first hour is not extrapolated into a huge rate.
 */
export function dailyRunRate(days: DailySpend[], now: Date): number {
  const today = utcDay(now).getTime();
  const windowStart = today - (RUN_RATE_DAYS - 1) * DAY_MS;
  const inWindow = days.filter((d) => d.day.getTime() >= windowStart && d.day.getTime() <= today && d.costUsd > 0);
  if (inWindow.length === 0) return 0;
  const first = Math.min(...inWindow.map((d) => d.day.getTime()));
  const covered = Math.max(1, (now.getTime() - first) / DAY_MS);
  return inWindow.reduce((s, d) => s + d.costUsd, 0) / covered;
}

/** Spend expected by the end of the period: spent so far + run-rate × days left. */
export function forecastSpend(spentUsd: number, runRatePerDay: number, period: BudgetPeriod, now: Date): number {
  return spentUsd + runRatePerDay * remainingDays(period, now);
}

/** Thresholds (50/80/100 % of the limit) the spend has reached. */
export function reachedThresholds(spentUsd: number, limitUsd: number): Threshold[] {
  if (limitUsd <= 0) return [];
  // compare in whole micro-dollars: 0.1 + 0.2 must reach a 50% alert of 0.6
  const spent = Math.round(spentUsd * 1e6);
  return THRESHOLDS.filter((t) => spent * 100 >= Math.round(limitUsd * 1e6) * t);
}

export const FORECAST_METHOD =
  `Forecast = spent so far + recent daily run-rate × days left in the period. The run-rate is the spend of the last ${RUN_RATE_DAYS} days ` +
  "(today so far included; counted from the first day with spend if later, at least one day) divided by the days covered, from the daily usage rollup.";
