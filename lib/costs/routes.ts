import { defineContract } from "../http/contract";
import { ZCostEstimate, ZCostSummary, ZCostSummaryQuery, ZEstimateQuery, ZProjectParam } from "./schemas";

const tag = "Costs";
const base = "/api/v1/projects/{project}/costs";

export const getCostSummaryRoute = defineContract({
  method: "GET", path: base, tag,
  summary:
    "Spend over the last 7, 30 or 90 UTC days (range=7d|30d|90d, today included): totals (cost, requests, cost per successful request, tokens, error rate), " +
    "cost per day stacked by model or team, and breakdowns by team, model, prompt version, release (+variant) and environment",
  permission: "traces:read", params: ZProjectParam, query: ZCostSummaryQuery, response: ZCostSummary,
});

export const estimateCostRoute = defineContract({
  method: "GET", path: `${base}/estimate`, tag,
  summary:
    "Pre-launch estimate from a completed eval run: the candidate's mean tokens per request (judge tokens excluded) × its model's prices, " +
    "then × requestsPerDay for a day and × 30 for a month",
  permission: "traces:read", params: ZProjectParam, query: ZEstimateQuery, response: ZCostEstimate,
});

export const COST_ROUTES = [getCostSummaryRoute, estimateCostRoute];
