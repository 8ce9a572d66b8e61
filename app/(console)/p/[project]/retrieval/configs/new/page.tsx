import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { getRetrievalConfig } from "@/lib/registry/retrieval/service";
import { PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { ConfigVersionForm } from "@/components/registry/retrieval/config-version-form";
import { listRetrievalChoices } from "@/lib/registry/retrieval/choices";

export const metadata: Metadata = { title: "New retrieval config version" };

// ?from=<name> starts the next version of an existing config from its latest version
export default async function NewRetrievalConfigPage({ params, searchParams }: { params: Promise<{ project: string }>; searchParams: Promise<{ from?: string }> }) {
  const { project: slug } = await params;
  const { from } = await searchParams;
  const { principal } = await requirePermission(slug, "registry:write");
  const [config, choices] = await Promise.all([from ? orNotFound(getRetrievalConfig(principal, from)) : null, listRetrievalChoices(principal)]);
  return (
    <>
      <PageHeader
        title={config ? `New version of ${config.name}` : "New retrieval config"}
        description={<><Link href={`/p/${slug}/retrieval`} className="hover:underline">← Retrieval</Link> · Versions are immutable; saving the latest version&apos;s content again creates nothing. Sizes are in characters.</>}
      />
      <ConfigVersionForm slug={slug} name={config?.name ?? null} base={config?.versions[0] ?? null} models={choices.embedding} knowledgeBases={choices.knowledgeBases} />
    </>
  );
}
