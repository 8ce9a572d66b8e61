import type { Principal } from "@/lib/authz/principal";
import { getDataset, listDatasets } from "@/lib/datasets/service";
import { DEFAULT_JUDGE_PROMPT, DEFAULT_RUBRIC } from "@/lib/evals/judge";
import type { TEvalRunSummaryRow } from "@/lib/evals/runs/schemas";
import { listModelVersions } from "@/lib/registry/models/service";
import { getPrompt, listPrompts } from "@/lib/registry/prompts/queries";
import { getRetrievalConfig, listRetrievalConfigs } from "@/lib/registry/retrieval/service";
import type { NewRunChoices } from "./run-form";
import { scorerChoices } from "./scorer-choices";

// Server-side: everything the New run dialog offers, read through the registry and dataset services
// (the playground page loads its choices the same way). Only versions that exist are offered, so a
// run is never started against "latest" by accident.

export async function loadNewRunChoices(principal: Principal, runs: TEvalRunSummaryRow[]): Promise<NewRunChoices> {
  const [datasets, prompts, models, configs] = await Promise.all([listDatasets(principal), listPrompts(principal), listModelVersions(principal), listRetrievalConfigs(principal)]);
  const [datasetVersions, promptVersions, retrievalConfigs] = await Promise.all([
    Promise.all(datasets.filter((d) => d.latestVersion !== null).map(async (d) => ({ name: d.name, versions: (await getDataset(principal, d.name)).versions.map((v) => ({ version: v.version, itemCount: v.itemCount })) }))),
    Promise.all(prompts.filter((p) => p.latestVersion !== null).map(async (p) => ({ name: p.name, versions: (await getPrompt(principal, p.name)).versions.map((v) => ({ version: v.version, modelVersionId: v.modelVersionId })) }))),
    Promise.all(configs.filter((c) => c.latestVersion !== null).map(async (c) => ({ name: c.name, versions: (await getRetrievalConfig(principal, c.name)).versions.map((v) => v.version) }))),
  ]);
  const judgePrompt = promptVersions.find((p) => p.name === DEFAULT_JUDGE_PROMPT.name)?.name ?? null;
  return {
    datasets: datasetVersions.filter((d) => d.versions.length > 0),
    prompts: promptVersions,
    models: models
      .filter((m) => m.capabilities.includes("chat"))
      .map((m) => ({ id: m.id, label: `${m.displayName} (${m.providerModelId})${m.floating ? " — floating alias" : ""}` })),
    retrievalConfigs,
    scorers: scorerChoices(),
    runs: runs.map((r) => ({ id: r.id, name: r.name, dataset: r.dataset.name, status: r.status, createdAt: r.createdAt, retrieval: r.retrieval ? `${r.retrieval.config}@${r.retrieval.version}` : "" })),
    defaultRubric: DEFAULT_RUBRIC.dimensions.map((d) => ({ name: d.name, description: d.description })),
    judgeDefaults: { prompt: judgePrompt, modelVersionId: null },
  };
}
