import type { Principal } from "@/lib/authz/principal";
import { listModelVersions } from "@/lib/registry/models/service";
import { getPrompt, listPrompts } from "@/lib/registry/prompts/queries";
import { getRetrievalConfig, listRetrievalConfigs } from "@/lib/registry/retrieval/service";

// Server-side: the versions the New release dialog may pin, read through the registry services.
// Only existing versions are offered, so a release never pins "latest" by accident.

export interface NewReleaseChoices {
  prompts: { name: string; versions: { id: string; version: number; modelVersionId: string | null }[] }[];
  models: { id: string; label: string }[];
  retrieval: { id: string; label: string }[];
}

export async function loadNewReleaseChoices(principal: Principal): Promise<NewReleaseChoices> {
  const [prompts, models, configs] = await Promise.all([listPrompts(principal), listModelVersions(principal), listRetrievalConfigs(principal)]);
  const [promptVersions, retrieval] = await Promise.all([
    Promise.all(prompts.filter((p) => p.latestVersion !== null).map(async (p) => ({
      name: p.name,
      versions: (await getPrompt(principal, p.name)).versions.map((v) => ({ id: v.id, version: v.version, modelVersionId: v.modelVersionId })),
    }))),
    Promise.all(configs.filter((c) => c.latestVersion !== null).map(async (c) => (await getRetrievalConfig(principal, c.name)).versions.map((v) => ({ id: v.id, label: `${c.name} v${v.version}` })))),
  ]);
  return {
    prompts: promptVersions,
    models: models.filter((m) => m.capabilities.includes("chat")).map((m) => ({ id: m.id, label: `${m.displayName} (${m.providerModelId})${m.floating ? " — floating alias" : ""}` })),
    retrieval: retrieval.flat(),
  };
}
