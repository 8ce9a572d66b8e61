import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { listKnowledgeBases } from "@/lib/registry/retrieval/knowledge-bases";
import { listRetrievalConfigs } from "@/lib/registry/retrieval/service";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page";
import { KnowledgeBaseDialog } from "@/components/registry/retrieval/knowledge-base-dialog";
import { KnowledgeBasesTable, RetrievalConfigsTable } from "@/components/registry/retrieval/retrieval-tables";

export const metadata: Metadata = { title: "Retrieval" };

export default async function RetrievalPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const [knowledgeBases, configs] = await Promise.all([listKnowledgeBases(principal), listRetrievalConfigs(principal)]);
  const canWrite = can(principal, "registry:write");
  return (
    <>
      <PageHeader
        title="Retrieval"
        description="Knowledge bases hold the documents answers are grounded in; retrieval configs pin how they are chunked, embedded and searched. A config version is part of a release, like a prompt version."
      />
      <section aria-labelledby="configs-heading" className="mb-8">
        <div className="mb-2 flex items-center justify-between">
          <h2 id="configs-heading" className="text-sm font-semibold">Retrieval configs</h2>
          {canWrite ? <Button asChild size="sm"><Link href={`/p/${slug}/retrieval/configs/new`}><Plus className="size-4" aria-hidden />New retrieval config</Link></Button> : null}
        </div>
        <RetrievalConfigsTable slug={slug} configs={configs} />
      </section>
      <section aria-labelledby="kbs-heading">
        <div className="mb-2 flex items-center justify-between">
          <h2 id="kbs-heading" className="text-sm font-semibold">Knowledge bases</h2>
          {canWrite ? <KnowledgeBaseDialog slug={slug} /> : null}
        </div>
        <KnowledgeBasesTable slug={slug} knowledgeBases={knowledgeBases} />
      </section>
    </>
  );
}
