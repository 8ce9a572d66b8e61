// Pre-launch cost estimate: what a candidate would cost in production, from the tokens it used per
// request (e.g. in an eval run, candidate only — judge tokens are not production traffic) and the
// model's prices. Releases call this with their own token stats.

export const DAYS_PER_MONTH = 30;

export interface TokenStats {
  inputTokensPerRequest: number;
  outputTokensPerRequest: number;
}

export interface Prices {
  /** USD per 1M tokens */
  inputPricePerMTok: number;
  outputPricePerMTok: number;
}

export interface CostEstimate {
  costPerRequestUsd: number;
  dailyUsd: number;
  monthlyUsd: number;
}

export function estimateCost(tokens: TokenStats, prices: Prices, requestsPerDay: number): CostEstimate {
  const costPerRequestUsd = (tokens.inputTokensPerRequest * prices.inputPricePerMTok + tokens.outputTokensPerRequest * prices.outputPricePerMTok) / 1e6;
  const dailyUsd = costPerRequestUsd * requestsPerDay;
  return { costPerRequestUsd, dailyUsd, monthlyUsd: dailyUsd * DAYS_PER_MONTH };
}
