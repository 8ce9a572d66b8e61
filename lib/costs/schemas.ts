import { z } from "zod";
import { ZProjectSlug } from "../projects/schemas";

// Cost dashboards (issue 5), read from the daily usage rollup.

export const RANGES = { "7d": 7, "30d": 30, "90d": 90 } as const;
export type CostRange = keyof typeof RANGES;
export const GROUP_BY = ["model", "team"] as const;
export type CostGroupBy = (typeof GROUP_BY)[number];

export const ZCostSummaryQuery = z.object({
  /** the last 7, 30 or 90 UTC days, today included (the same words as the trace list's range) */
  range: z.enum(Object.keys(RANGES) as [CostRange, ...CostRange[]], "must be one of 7d, 30d, 90d").default("30d"),
  groupBy: z.enum(GROUP_BY, "model or team").default("model"),
});
export type TCostSummaryQuery = z.output<typeof ZCostSummaryQuery>;

export const ZCostTotals = z.object({
  costUsd: z.number(),
  requests: z.number().int().describe("Traces, counted on the day each started"),
  failedRequests: z.number().int(),
  costPerSuccessfulRequestUsd: z.number().nullable().describe("cost ÷ (requests − failed); null with no successful request"),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  errorRate: z.number().nullable().describe("failed ÷ requests"),
  spans: z.number().int(),
  errorSpans: z.number().int(),
});
export type TCostTotals = z.infer<typeof ZCostTotals>;

export const ZBreakdownRow = z.object({
  key: z.string(),
  label: z.string(),
  costUsd: z.number(),
  share: z.number().describe("of the range's cost, 0–1"),
  requests: z.number().int().nullable().describe("null by model: a request spans several models"),
  failedRequests: z.number().int().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
});
export type TBreakdownRow = z.infer<typeof ZBreakdownRow>;

export const ZCostSummary = z.object({
  range: z.object({ range: z.enum(Object.keys(RANGES) as [CostRange, ...CostRange[]]), days: z.number().int(), from: z.string(), to: z.string() }),
  hasUsage: z.boolean().describe("false until the project's first trace is processed"),
  totals: ZCostTotals,
  groupBy: z.enum(GROUP_BY),
  daily: z.object({
    series: z.array(z.object({ key: z.string(), label: z.string() })),
    points: z.array(z.object({ day: z.string(), costUsd: z.number(), values: z.record(z.string(), z.number()) })),
  }),
  breakdowns: z.object({
    team: z.array(ZBreakdownRow),
    model: z.array(ZBreakdownRow),
    promptVersion: z.array(ZBreakdownRow),
    release: z.array(ZBreakdownRow),
    environment: z.array(ZBreakdownRow),
  }),
});
export type TCostSummary = z.infer<typeof ZCostSummary>;

export const ZEstimateQuery = z.object({
  evalRunId: z.string().trim().min(1, "choose a completed eval run").max(64),
  requestsPerDay: z.coerce.number({ error: "enter the expected requests per day" }).positive("expected requests per day must be above 0").max(1e9),
});
export type TEstimateQuery = z.output<typeof ZEstimateQuery>;

export const ZCostEstimate = z.object({
  evalRun: z.object({ id: z.string(), name: z.string() }),
  model: z.object({ id: z.string(), displayName: z.string(), providerModelId: z.string(), inputPricePerMTok: z.number(), outputPricePerMTok: z.number() }),
  tokensPerRequest: z.object({ input: z.number(), output: z.number(), sampleSize: z.number().int().describe("successful results averaged") }),
  requestsPerDay: z.number(),
  costPerRequestUsd: z.number(),
  dailyUsd: z.number(),
  monthlyUsd: z.number().describe("30 days"),
});
export type TCostEstimate = z.infer<typeof ZCostEstimate>;

export const ZProjectParam = z.object({ project: ZProjectSlug });
