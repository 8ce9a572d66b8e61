import { db } from "../db";
import type { Principal } from "../authz/principal";
import { parseOrThrow } from "../errors";
import { createConnection } from "../registry/connections/service";
import { createModelVersion } from "../registry/models/service";
import { MODEL_PRESETS, PRICE_DATE } from "../registry/models/presets";
import { createPromptVersion } from "../registry/prompts/service";
import { ZCreatePromptVersion } from "../registry/prompts/schemas";
import { seedRetrievalDemo } from "./retrieval-demo";

// Registry demo data for project `demo`: the offline provider, its pinned chat model, and a
// customer-support prompt with a short history. Written through the services, so it is validated
// and audited like anything a person creates.

const SYSTEM_V1 = `You are the support assistant of Acme Telecom. Answer only from the context below.
If the context does not contain the answer, say you do not know and offer to open a ticket.

Context:
{{context}}`;

const SYSTEM_V2 = `You are the support assistant of Acme Telecom. Answer only from the context below, in the customer's language (Arabic or English).
If the context does not contain the answer, say you do not know and offer to open a ticket.
{{#plan}}The customer is on the {{plan}} plan.{{/plan}}

Context:
{{context}}`;

const VARIABLES_V1 = [
  { name: "context", type: "string", required: true, description: "Retrieved help-centre passages" },
  { name: "question", type: "string", required: true, description: "The customer's message" },
];

export async function seedRegistryDemo(projectId: string): Promise<boolean> {
  // retrieval arrived later: databases seeded before it still gain it
  if (await db().providerConnection.findFirst({ where: { projectId, name: "offline-demo" } })) return seedRetrievalDemo(projectId);
  const seed: Principal = { kind: "system", actorId: "seed", label: "Demo seed", projectId };
  const connection = await createConnection(seed, { name: "offline-demo", kind: "offline" });
  const preset = MODEL_PRESETS.find((p) => p.providerModelId === "offline-extractive-1")!;
  const model = await createModelVersion(seed, {
    connectionId: connection.id, providerModelId: preset.providerModelId, displayName: preset.displayName,
    inputPricePerMTok: preset.input, outputPricePerMTok: preset.output, cachedPricePerMTok: preset.cached, priceAsOf: PRICE_DATE,
    contextWindow: preset.contextWindow, maxOutputTokens: preset.maxOutputTokens, capabilities: preset.capabilities, region: "sa", floating: false,
  });
  const versions = [
    { system: SYSTEM_V1, variables: VARIABLES_V1, params: { temperature: 0.2, max_tokens: 400 }, changelog: "First version: grounded answers with a ticket fallback." },
    { system: SYSTEM_V2, variables: [...VARIABLES_V1, { name: "plan", type: "string", required: false, description: "Customer's plan, when known" }], params: { temperature: 0.2, max_tokens: 400 }, changelog: "Answer in the customer's language; mention their plan when known." },
    { system: SYSTEM_V2, variables: [...VARIABLES_V1, { name: "plan", type: "string", required: false, description: "Customer's plan, when known" }], params: { temperature: 0.1, max_tokens: 300 }, changelog: "Lower temperature and shorter answers after review feedback." },
  ];
  for (const v of versions) {
    await createPromptVersion(seed, parseOrThrow(ZCreatePromptVersion, {
      name: "customer-support",
      description: "Answers customer questions from help-centre passages.",
      tags: ["support", "rag"],
      messages: [{ role: "system", content: v.system }, { role: "user", content: "{{question}}" }],
      variables: v.variables,
      params: v.params,
      modelVersionId: model.id,
      changelog: v.changelog,
    }));
  }
  await seedRetrievalDemo(projectId);
  return true;
}
