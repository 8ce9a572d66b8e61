// Editable presets: list prices (USD per 1M tokens) of common pinned models as published on
// PRICE_DATE. Prices change; the form shows the date and the admin confirms or edits before saving.
export const PRICE_DATE = "2025-06-01";

export interface ModelPreset {
  kind: "openai" | "anthropic" | "offline";
  providerModelId: string;
  displayName: string;
  input: number;
  output: number;
  cached: number | null;
  contextWindow: number;
  maxOutputTokens: number;
  capabilities: ("chat" | "embeddings" | "json" | "tools")[];
}

export const MODEL_PRESETS: ModelPreset[] = [
  { kind: "openai", providerModelId: "gpt-4.1-2025-04-14", displayName: "GPT-4.1 (2025-04-14)", input: 2, output: 8, cached: 0.5, contextWindow: 1_047_576, maxOutputTokens: 32_768, capabilities: ["chat", "json", "tools"] },
  { kind: "openai", providerModelId: "gpt-4.1-mini-2025-04-14", displayName: "GPT-4.1 mini (2025-04-14)", input: 0.4, output: 1.6, cached: 0.1, contextWindow: 1_047_576, maxOutputTokens: 32_768, capabilities: ["chat", "json", "tools"] },
  { kind: "openai", providerModelId: "gpt-4o-2024-08-06", displayName: "GPT-4o (2024-08-06)", input: 2.5, output: 10, cached: 1.25, contextWindow: 128_000, maxOutputTokens: 16_384, capabilities: ["chat", "json", "tools"] },
  { kind: "openai", providerModelId: "gpt-4o-mini-2024-07-18", displayName: "GPT-4o mini (2024-07-18)", input: 0.15, output: 0.6, cached: 0.075, contextWindow: 128_000, maxOutputTokens: 16_384, capabilities: ["chat", "json", "tools"] },
  { kind: "openai", providerModelId: "o3-mini-2025-01-31", displayName: "o3-mini (2025-01-31)", input: 1.1, output: 4.4, cached: 0.55, contextWindow: 200_000, maxOutputTokens: 100_000, capabilities: ["chat", "json", "tools"] },
  { kind: "openai", providerModelId: "text-embedding-3-small", displayName: "text-embedding-3-small", input: 0.02, output: 0, cached: null, contextWindow: 8_191, maxOutputTokens: 0, capabilities: ["embeddings"] },
  { kind: "openai", providerModelId: "text-embedding-3-large", displayName: "text-embedding-3-large", input: 0.13, output: 0, cached: null, contextWindow: 8_191, maxOutputTokens: 0, capabilities: ["embeddings"] },
  { kind: "anthropic", providerModelId: "claude-sonnet-4-20250514", displayName: "Claude Sonnet 4 (2025-05-14)", input: 3, output: 15, cached: 0.3, contextWindow: 200_000, maxOutputTokens: 64_000, capabilities: ["chat", "tools"] },
  { kind: "anthropic", providerModelId: "claude-opus-4-20250514", displayName: "Claude Opus 4 (2025-05-14)", input: 15, output: 75, cached: 1.5, contextWindow: 200_000, maxOutputTokens: 32_000, capabilities: ["chat", "tools"] },
  { kind: "anthropic", providerModelId: "claude-3-5-haiku-20241022", displayName: "Claude 3.5 Haiku (2024-10-22)", input: 0.8, output: 4, cached: 0.08, contextWindow: 200_000, maxOutputTokens: 8_192, capabilities: ["chat", "tools"] },
  { kind: "offline", providerModelId: "offline-extractive-1", displayName: "Offline extractive (demo)", input: 0, output: 0, cached: null, contextWindow: 32_000, maxOutputTokens: 1_024, capabilities: ["chat"] },
  { kind: "offline", providerModelId: "offline-judge-1", displayName: "Offline heuristic judge (demo)", input: 0, output: 0, cached: null, contextWindow: 32_000, maxOutputTokens: 1_024, capabilities: ["chat", "json"] },
  { kind: "offline", providerModelId: "offline-embed-256", displayName: "Offline hashing embedder (demo)", input: 0, output: 0, cached: null, contextWindow: 8_192, maxOutputTokens: 0, capabilities: ["embeddings"] },
];
