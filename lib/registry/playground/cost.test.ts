import { describe, expect, it } from "vitest";
import { usageCostUsd } from "./cost";

const prices = { inputPricePerMTok: 2.5, outputPricePerMTok: 10, cachedPricePerMTok: 1.25 };

describe("usageCostUsd", () => {
  it("prices input and output per million tokens", () => {
    expect(usageCostUsd({ inputTokens: 1000, outputTokens: 200, estimated: false }, prices)).toBe(0.0045);
  });

  it("prices cached input tokens at the cached price", () => {
    expect(usageCostUsd({ inputTokens: 1000, outputTokens: 0, cachedTokens: 400, estimated: false }, prices)).toBe(0.002);
  });

  it("charges cached tokens the input price when the model has no cached price", () => {
    expect(usageCostUsd({ inputTokens: 1000, outputTokens: 0, cachedTokens: 400, estimated: false }, { ...prices, cachedPricePerMTok: null })).toBe(0.0025);
  });

  it("is zero on a free model and never counts more cached tokens than input", () => {
    expect(usageCostUsd({ inputTokens: 50, outputTokens: 9, estimated: true }, { inputPricePerMTok: 0, outputPricePerMTok: 0, cachedPricePerMTok: null })).toBe(0);
    expect(usageCostUsd({ inputTokens: 10, outputTokens: 0, cachedTokens: 99, estimated: false }, prices)).toBe(0.0000125);
  });
});
