import type { Usage } from "../../providers/types";

export interface TokenPrices {
  inputPricePerMTok: number;
  outputPricePerMTok: number;
  /** null: the provider has no cache discount, cached tokens cost the input price */
  cachedPricePerMTok: number | null;
}

/** What one call cost in USD: tokens × prices per 1M; cached input tokens at the cached price. */
export function usageCostUsd(usage: Usage, prices: TokenPrices): number {
  const cached = Math.min(Math.max(usage.cachedTokens ?? 0, 0), usage.inputTokens);
  const cachedPrice = prices.cachedPricePerMTok ?? prices.inputPricePerMTok;
  const micro = (usage.inputTokens - cached) * prices.inputPricePerMTok + cached * cachedPrice + usage.outputTokens * prices.outputPricePerMTok;
  // whole nano-dollars: sums of float products otherwise print as 0.00123000000000001
  return Math.round(micro * 1000) / 1e9;
}
