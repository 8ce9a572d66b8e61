import { db } from "../db";
import type { Principal } from "../authz/principal";
import { parseOrThrow } from "../errors";
import { DEFAULT_JUDGE_PROMPT } from "../evals/judge";
import { createEvalRun } from "../evals/runs/create-run";
import { executeEvalRun } from "../evals/runs/execute";
import { ZCreateEvalRun } from "../evals/runs/schemas";
import { createModelVersion } from "../registry/models/service";
import { MODEL_PRESETS } from "../registry/models/presets";
import { ZCreatePromptVersion } from "../registry/prompts/schemas";
import { createPromptVersion } from "../registry/prompts/service";

// The demo's evaluation: the offline heuristic judge as a registered model version, the default judge
// prompt in the registry, and two finished runs of the customer-support prompt on the golden set
// (v1, then v3 against v1 as baseline) so the summary, the trend and the comparison have data.
// The runs execute here, in-process, through the same engine the worker uses.

const PRICE_DATE = "2025-01-01";

async function judgeModelId(seed: Principal, connectionId: string): Promise<string> {
  const preset = MODEL_PRESETS.find((p) => p.providerModelId === "offline-judge-1")!;
  const existing = await db().modelVersion.findFirst({ where: { projectId: seed.projectId, connectionId, providerModelId: preset.providerModelId } });
  if (existing) return existing.id;
  const model = await createModelVersion(seed, {
    connectionId, providerModelId: preset.providerModelId, displayName: preset.displayName,
    inputPricePerMTok: preset.input, outputPricePerMTok: preset.output, cachedPricePerMTok: preset.cached, priceAsOf: PRICE_DATE,
    contextWindow: preset.contextWindow, maxOutputTokens: preset.maxOutputTokens, capabilities: preset.capabilities, region: "sa", floating: false,
  });
  return model.id;
}

export async function seedEvalsDemo(projectId: string): Promise<boolean> {
  if (await db().evalRun.findFirst({ where: { projectId } })) return false;
  const seed: Principal = { kind: "system", actorId: "seed", label: "Demo seed", projectId };
  const connection = await db().providerConnection.findFirstOrThrow({ where: { projectId, name: "offline-demo" } });
  const judgeModel = await judgeModelId(seed, connection.id);
  if (!(await db().prompt.findFirst({ where: { projectId, name: DEFAULT_JUDGE_PROMPT.name } }))) {
    await createPromptVersion(seed, parseOrThrow(ZCreatePromptVersion, {
      ...DEFAULT_JUDGE_PROMPT, tags: ["judge"], params: { temperature: 0, max_tokens: 800 }, modelVersionId: judgeModel,
      changelog: "The default LLM-as-judge prompt: rubric dimensions scored 1–5 with reasoning, strict JSON.",
    }));
  }

  const common = {
    dataset: "support-golden",
    retrieval: { config: "help-centre-default" },
    scorers: [{ type: "similarity" }, { type: "faithfulness" }, { type: "length", config: { max: 600 } }],
    judge: { prompt: { name: DEFAULT_JUDGE_PROMPT.name }, modelVersionId: judgeModel },
  };
  const baseline = await createEvalRun(seed, parseOrThrow(ZCreateEvalRun, { ...common, name: "customer-support v1 (baseline)", prompt: { name: "customer-support", version: 1 } }));
  await executeEvalRun(projectId, baseline.id, { workerId: "seed" });
  const candidate = await createEvalRun(seed, parseOrThrow(ZCreateEvalRun, {
    ...common, name: "customer-support v3 candidate", prompt: { name: "customer-support", version: 3 }, baselineRunId: baseline.id,
  }));
  await executeEvalRun(projectId, candidate.id, { workerId: "seed" });
  return true;
}
