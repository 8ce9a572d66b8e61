import { describe, expect, it } from "vitest";
import { DAY_MS, dailyRunRate, forecastSpend, periodBounds, reachedThresholds, remainingDays } from "./period";

const at = (iso: string) => new Date(iso);
const day = (iso: string, costUsd: number) => ({ day: at(`${iso}T00:00:00Z`), costUsd });

describe("periods (UTC)", () => {
  it("a daily period is the UTC day, whatever the local time zone", () => {
    expect(periodBounds("daily", at("2026-11-24T23:59:59.999Z"))).toEqual({ start: at("2026-11-24T00:00:00Z"), end: at("2026-11-25T00:00:00Z") });
    expect(periodBounds("daily", at("2026-11-25T00:00:00Z")).start).toEqual(at("2026-11-25T00:00:00Z"));
  });

  it("a monthly period is the calendar month, across year ends and leap Februaries", () => {
    expect(periodBounds("monthly", at("2026-12-31T23:00:00Z"))).toEqual({ start: at("2026-12-01T00:00:00Z"), end: at("2027-01-01T00:00:00Z") });
    expect(periodBounds("monthly", at("2028-02-10T12:00:00Z"))).toEqual({ start: at("2028-02-01T00:00:00Z"), end: at("2028-03-01T00:00:00Z") });
    expect(periodBounds("monthly", at("2026-03-01T00:00:00Z")).start).toEqual(at("2026-03-01T00:00:00Z"));
  });

  it("remaining days are fractional", () => {
    expect(remainingDays("daily", at("2026-11-24T18:00:00Z"))).toBeCloseTo(0.25);
    expect(remainingDays("monthly", at("2026-11-24T12:00:00Z"))).toBeCloseTo(6.5);
  });
});

describe("run-rate and forecast", () => {
  const now = at("2026-11-24T12:00:00Z");

  it("divides the last 7 days' spend by the days covered", () => {
    const days = [day("2026-11-18", 7), day("2026-11-20", 3), day("2026-11-24", 3)];
    // 18th 00:00 → 24th 12:00 = 6.5 days
    expect(dailyRunRate(days, now)).toBeCloseTo(13 / 6.5);
  });

  it("ignores spend older than the window", () => {
    expect(dailyRunRate([day("2026-11-17", 100), day("2026-11-23", 3)], now)).toBeCloseTo(3 / 1.5);
  });

  it("counts at least one day, so a first expensive hour is not extrapolated", () => {
    expect(dailyRunRate([day("2026-11-24", 5)], at("2026-11-24T01:00:00Z"))).toBe(5);
    expect(dailyRunRate([], now)).toBe(0);
  });

  it("forecast = spent + rate × days left", () => {
    expect(forecastSpend(10, 2, "monthly", now)).toBeCloseTo(10 + 2 * 6.5);
    expect(forecastSpend(4, 8, "daily", now)).toBeCloseTo(8);
    expect(forecastSpend(4, 0, "daily", now)).toBe(4);
    expect(6.5 * DAY_MS).toBe(at("2026-12-01T00:00:00Z").getTime() - now.getTime());
  });
});

describe("thresholds", () => {
  it("reaches 50, 80 and 100% of the limit inclusively", () => {
    expect(reachedThresholds(4.99, 10)).toEqual([]);
    expect(reachedThresholds(5, 10)).toEqual([50]);
    expect(reachedThresholds(8, 10)).toEqual([50, 80]);
    expect(reachedThresholds(12, 10)).toEqual([50, 80, 100]);
    expect(reachedThresholds(0.1 + 0.2, 0.6)).toEqual([50]);
    expect(reachedThresholds(1, 0)).toEqual([]);
  });
});
