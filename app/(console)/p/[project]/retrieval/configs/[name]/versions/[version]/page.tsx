import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { getRetrievalConfigVersion } from "@/lib/registry/retrieval/service";
import { findIndexBuildStatus } from "@/lib/registry/retrieval/index-build";
import { Card, PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { sourceOf } from "@/components/registry/retrieval/config-versions";
import { IndexBuildPanel } from "@/components/registry/retrieval/index-build-panel";
import { SearchBox } from "@/components/registry/retrieval/search-box";
import { when } from "@/components/registry/retrieval/retrieval-tables";
import { listRetrievalChoices } from "@/lib/registry/retrieval/choices";

export async function generateMetadata({ params }: { params: Promise<{ name: string; version: string }> }): Promise<Metadata> {
  const p = await params;
  return { title: `${p.name} v${p.version}` };
}

export default async function RetrievalConfigVersionPage({ params }: { params: Promise<{ project: string; name: string; version: string }> }) {
  const { project: slug, name, version: raw } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const version = Number(raw);
  if (!Number.isInteger(version) || version < 1) notFound();
  const v = await orNotFound(getRetrievalConfigVersion(principal, decodeURIComponent(name), version));
  const [build, choices] = await Promise.all([findIndexBuildStatus(principal, v.id), listRetrievalChoices(principal)]);
  const facts: [string, React.ReactNode][] = [
    ["Embedding model", choices.modelName(v.embeddingModelVersionId)],
    ["Chunk size / overlap", `${v.chunkSize} / ${v.chunkOverlap} characters`],
    ["Top-k", v.topK],
    ["Minimum similarity", v.minSimilarity],
    ["Rerank", v.rerank === "lexical" ? "lexical (BM25 over the top candidates)" : "none"],
    ["Source", sourceOf(v, choices.kbName)],
    ["Author", v.author],
    ["Created (UTC)", when(v.createdAt)],
    ["Content hash", <code key="h" className="text-xs">{v.contentHash.slice(0, 16)}</code>],
  ];
  return (
    <>
      <PageHeader
        title={`${v.name} v${v.version}`}
        description={<><Link href={`/p/${slug}/retrieval/configs/${v.name}`} className="hover:underline">← All versions of {v.name}</Link> · <span dir="auto">{v.changelog}</span></>}
      />
      <div className="space-y-5">
        <Card title="Settings">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            {facts.map(([k, val]) => (
              <div key={k} className="contents">
                <dt className="text-zinc-500">{k}</dt>
                <dd dir="auto">{val}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {v.knowledgeBaseId ? (
          <Card title="Index">
            <IndexBuildPanel slug={slug} name={v.name} version={v.version} versionId={v.id} canWrite={can(principal, "registry:write")} initial={build} />
          </Card>
        ) : null}
        <Card title="Try a search">
          <SearchBox slug={slug} name={v.name} version={v.version} />
        </Card>
      </div>
    </>
  );
}
