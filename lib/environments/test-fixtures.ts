import { db } from "../db";
import { createConnection } from "../registry/connections/service";
import { createModelVersion } from "../registry/models/service";
import { createPromptVersion } from "../registry/prompts/service";
import { createApiKey } from "../apikeys/service";
import { makeProject } from "../../scripts/test/fixtures";
import type { ReleaseState } from "../releases/types";

// A project ready for rollout tests and the resolve bench: a model with a fallback, a prompt, a gate
// policy with no checks (so the workflow lets approved releases through), and releases made directly
// in the state a test needs (the review and sign-off path is the releases issue's own tests).

export async function rolloutProject() {
  const p = await makeProject(["ADMIN", "ENGINEER", "REVIEWER"]);
  const admin = p.as("ADMIN");
  const connection = await createConnection(admin, { name: "offline", kind: "offline", maxConcurrency: 1 });
  const model = async (id: string) =>
    createModelVersion(admin, {
      connectionId: connection.id, providerModelId: id, displayName: id, inputPricePerMTok: 1, outputPricePerMTok: 2, cachedPricePerMTok: null,
      priceAsOf: "2026-01-01", contextWindow: 128_000, maxOutputTokens: 4096, capabilities: ["chat"], floating: false,
    });
  const main = await model("main-model-2026-01");
  const fallback = await model("fallback-model-2026-01");
  const prompt = await createPromptVersion(admin, {
    name: "support", changelog: "first", messages: [{ role: "system", content: "You help {{customer}} with orders." }],
    variables: [{ name: "customer", type: "string", required: true }], params: { temperature: 0.2 },
  } as Parameters<typeof createPromptVersion>[1]);
  await db().gatePolicy.create({ data: { projectId: p.project.id, version: 1, rules: {}, authorLabel: "test" } });
  let n = 0;
  const release = (version: string, state: ReleaseState = "approved") =>
    db().release.create({
      data: {
        projectId: p.project.id, version, notes: `release ${version}`, state, modelVersionId: main.id, fallbackModelVersionIds: [fallback.id],
        contentHash: `hash-${version}-${n++}`, authorLabel: "test", submittedAt: new Date(), prompts: { create: [{ role: "answer", promptVersionId: prompt.id }] },
      },
    });
  const runtimeKey = async (scopes: Parameters<typeof createApiKey>[1]["scopes"] = ["runtime:read"]) => (await createApiKey(admin, { name: "runtime", scopes })).token;
  return { ...p, admin, engineer: p.as("ENGINEER"), reviewer: p.as("REVIEWER"), main, fallback, prompt, release, runtimeKey };
}
