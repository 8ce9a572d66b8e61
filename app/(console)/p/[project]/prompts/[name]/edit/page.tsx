import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/console";
import { getPrompt, getPromptVersion, listPromptModelChoices } from "@/lib/registry/prompts/queries";
import { PageHeader } from "@/components/ui/page";
import { PromptEditor } from "@/components/registry/prompts/prompt-editor";
import { stateFromVersion } from "@/components/registry/prompts/editor-state";
import { orNotFound } from "@/components/registry/prompts/or-not-found";

export const metadata: Metadata = { title: "New prompt version" };

export default async function EditPromptPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string; name: string }>;
  searchParams: Promise<{ from?: string }>;
}) {
  const { project: slug, name } = await params;
  const { principal } = await requirePermission(slug, "registry:write");
  const prompt = await orNotFound(getPrompt(principal, decodeURIComponent(name)));
  const from = Number((await searchParams).from);
  const base = Number.isInteger(from) && from > 0 ? await orNotFound(getPromptVersion(principal, prompt.name, from)) : prompt.latest;
  const models = await listPromptModelChoices(principal);
  if (!base) throw new Error("a prompt always has a version");
  return (
    <>
      <PageHeader
        title={`New version of ${prompt.name}`}
        description={`Starting from version ${base.version}. Saving writes version ${(prompt.latestVersion ?? 0) + 1}; unchanged content writes nothing.`}
      />
      <PromptEditor slug={slug} initial={stateFromVersion(base, prompt)} models={models} existing baseVersion={base.version} />
    </>
  );
}
