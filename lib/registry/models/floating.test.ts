import { describe, expect, it } from "vitest";
import { floatingReason } from "./floating";
import { MODEL_PRESETS } from "./presets";

describe("floating model ids", () => {
  it("refuses latest aliases and undated ids that providers re-point", () => {
    for (const id of ["latest", "gpt-4o", "GPT-4o-mini", "claude-3-5-sonnet-latest", "llama3.1:latest", "mistral-large-latest", "chatgpt-4o-latest", "o3"]) {
      expect(floatingReason(id), id).not.toBeNull();
    }
  });

  it("accepts dated snapshots", () => {
    for (const id of ["gpt-4o-2024-08-06", "claude-sonnet-4-20250514", "llama3.1:8b-instruct-q4_K_M", "latest-greatest-2025-01-01"]) {
      expect(floatingReason(id), id).toBeNull();
    }
  });

  it("ships presets that are all pinned, priced and sized consistently", () => {
    for (const p of MODEL_PRESETS) {
      expect(floatingReason(p.providerModelId), p.providerModelId).toBeNull();
      expect(p.input).toBeGreaterThanOrEqual(0);
      expect(p.maxOutputTokens).toBeLessThanOrEqual(p.contextWindow);
    }
  });
});
