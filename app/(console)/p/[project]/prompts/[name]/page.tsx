import type { Metadata } from "next";
import Link from "next/link";
import { Pencil } from "lucide-react";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { getPrompt } from "@/lib/registry/prompts/queries";
import { Button } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { TagsEditor } from "@/components/registry/prompts/tags-editor";
import { VersionHistory } from "@/components/registry/prompts/version-history";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `Prompt ${(await params).name}` };
}

export default async function PromptPage({ params }: { params: Promise<{ project: string; name: string }> }) {
  const { project: slug, name } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const prompt = await orNotFound(getPrompt(principal, decodeURIComponent(name)));
  const canWrite = can(principal, "registry:write");
  const base = `/p/${slug}/prompts/${prompt.name}`;
  return (
    <>
      <PageHeader
        title={prompt.name}
        description={prompt.description ? <span dir="auto">{prompt.description}</span> : undefined}
        actions={
          <>
            {prompt.versions.length > 1 ? <Button asChild variant="secondary"><Link href={`${base}/diff`}>Compare versions</Link></Button> : null}
            {canWrite ? <Button asChild><Link href={`${base}/edit`}><Pencil className="size-4" aria-hidden />New version</Link></Button> : null}
          </>
        }
      />
      <div className="space-y-5">
        <Card title="Tags">
          {canWrite ? (
            <TagsEditor slug={slug} name={prompt.name} tags={prompt.tags} />
          ) : prompt.tags.length ? (
            <div className="flex flex-wrap gap-1">{prompt.tags.map((t) => <Badge key={t}>{t}</Badge>)}</div>
          ) : (
            <p className="text-sm text-zinc-500">No tags.</p>
          )}
        </Card>
        <section aria-labelledby="history-h">
          <h2 id="history-h" className="mb-2 text-sm font-medium">Version history</h2>
          <VersionHistory slug={slug} name={prompt.name} versions={prompt.versions} canWrite={canWrite} />
        </section>
      </div>
    </>
  );
}
