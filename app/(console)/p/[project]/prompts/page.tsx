import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { listPrompts, listPromptTags } from "@/lib/registry/prompts/queries";
import { ZListPromptsQuery } from "@/lib/registry/prompts/schemas";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page";
import { PromptFilters } from "@/components/registry/prompts/prompt-filters";
import { PromptsTable } from "@/components/registry/prompts/prompts-table";

export const metadata: Metadata = { title: "Prompts" };

export default async function PromptsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== ""));
  const parsed = ZListPromptsQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const [prompts, tags] = await Promise.all([listPrompts(principal, query), listPromptTags(principal)]);
  return (
    <>
      <PageHeader
        title="Prompts"
        description="Versioned chat templates. Every save is a new immutable version with an author, a changelog and a diff against the one before."
        actions={
          can(principal, "registry:write") ? (
            <Button asChild><Link href={`/p/${slug}/prompts/new`}><Plus className="size-4" aria-hidden />New prompt</Link></Button>
          ) : null
        }
      />
      <PromptFilters tags={tags} values={query} />
      <PromptsTable slug={slug} prompts={prompts} filtered={!!(query.q || query.tag)} />
    </>
  );
}
