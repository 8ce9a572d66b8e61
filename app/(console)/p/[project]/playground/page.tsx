import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { listDatasets } from "@/lib/datasets/service";
import { OFFLINE_PROVIDER_LABEL } from "@/lib/providers/offline";
import { listModelVersions } from "@/lib/registry/models/service";
import { getPrompt, getPromptVersion, listPrompts } from "@/lib/registry/prompts/queries";
import { getRetrievalConfig, listRetrievalConfigs } from "@/lib/registry/retrieval/service";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { PlaygroundRunner } from "@/components/registry/playground/playground-runner";
import { PromptPicker } from "@/components/registry/playground/prompt-picker";

export const metadata: Metadata = { title: "Playground" };

type Search = Record<string, string | string[] | undefined>;

export default async function PlaygroundPage({ params, searchParams }: { params: Promise<{ project: string }>; searchParams: Promise<Search> }) {
  const { project: slug } = await params;
  const search = await searchParams;
  const { principal } = await requirePermission(slug, "registry:read");
  const canAddToDataset = can(principal, "evals:write");
  const [prompts, models, configs, datasets] = await Promise.all([
    listPrompts(principal), listModelVersions(principal), listRetrievalConfigs(principal), canAddToDataset ? listDatasets(principal) : [],
  ]);
  const retrievalConfigs = await Promise.all(
    configs.filter((c) => c.latestVersion !== null).map(async (c) => ({ name: c.name, versions: (await getRetrievalConfig(principal, c.name)).versions.map((v) => v.version) })),
  );
  const header = (
    <PageHeader
      title="Playground"
      description="Run a prompt version on a model version with your own variable values and context. The answer streams in; tokens, cost and latency follow. Nothing is saved unless you add a finished run to a dataset."
    />
  );
  const runnable = prompts.filter((p) => p.latestVersion !== null);
  const name = typeof search.prompt === "string" ? search.prompt : runnable[0]?.name;
  if (!name) {
    return (
      <>
        {header}
        <EmptyState title="No prompts yet"><Link className="underline" href={`/p/${slug}/prompts/new`}>Write a prompt</Link> to try it here.</EmptyState>
      </>
    );
  }
  const prompt = await orNotFound(getPrompt(principal, name));
  const wanted = typeof search.version === "string" ? Number(search.version) : prompt.latestVersion;
  const number = Number.isInteger(wanted) && wanted! >= 1 ? wanted! : prompt.latestVersion!;
  const version = await orNotFound(getPromptVersion(principal, name, number));
  return (
    <>
      {header}
      <div className="mb-6 max-w-xl">
        <PromptPicker slug={slug} prompts={runnable.map((p) => p.name)} prompt={name} versions={prompt.versions.map((v) => v.version)} version={version.version} />
      </div>
      <PlaygroundRunner
        key={version.id}
        slug={slug}
        version={version}
        models={models.filter((m) => m.capabilities.includes("chat"))}
        canRun={can(principal, "registry:write")}
        offlineLabel={OFFLINE_PROVIDER_LABEL}
        retrievalConfigs={retrievalConfigs}
        canAddToDataset={canAddToDataset}
        datasets={datasets.map((d) => d.name)}
      />
    </>
  );
}
