import type { ResolvedRelease } from "./types.js";

// Resolved releases as the server answers them, for tests and the example's fallback.

export function resolvedRelease(version: string, variant: ResolvedRelease["variant"] = "stable"): ResolvedRelease {
  const model = { provider: "openai", connection: "openai-prod", model: "gpt-4o-2024-08-06", modelVersionId: "mv_1" };
  return {
    release: { id: `rel_${version}`, version },
    variant,
    prompts: {
      answer: {
        name: "support-answer",
        version: 3,
        messages: [
          { role: "system", content: "You are the support assistant of {{company}}.{{#vip}} The customer is VIP.{{/vip}}" },
          { role: "user", content: "{{question}}" },
        ],
        params: { temperature: 0.2 },
        variables: [
          { name: "company", type: "string", required: false, default: "Acme" },
          { name: "vip", type: "boolean", required: false },
          { name: "question", type: "string", required: true },
        ],
      },
    },
    model: { ...model, params: { contextWindow: 128_000, maxOutputTokens: 4096 }, fallbacks: [{ ...model, model: "gpt-4o-mini", modelVersionId: "mv_2" }] },
    retrieval: null,
  };
}
