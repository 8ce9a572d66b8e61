import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { getKnowledgeBase, listDocuments } from "@/lib/registry/retrieval/knowledge-bases";
import { Card, PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { DocumentsTable } from "@/components/registry/retrieval/retrieval-tables";
import { UploadDocumentsForm } from "@/components/registry/retrieval/upload-documents-form";

export const metadata: Metadata = { title: "Knowledge base" };

export default async function KnowledgeBasePage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project: slug, id } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const kb = await orNotFound(getKnowledgeBase(principal, id));
  const documents = await listDocuments(principal, kb.id);
  return (
    <>
      <PageHeader
        title={kb.name}
        description={<><Link href={`/p/${slug}/retrieval`} className="hover:underline">← Retrieval</Link>{kb.description ? <span dir="auto"> · {kb.description}</span> : null}</>}
      />
      <div className="space-y-5">
        <section aria-labelledby="docs-h">
          <h2 id="docs-h" className="mb-2 text-sm font-medium">Documents ({documents.length})</h2>
          <DocumentsTable documents={documents} />
          <p className="mt-2 text-xs text-zinc-500">Uploading does not change any index: build the index of a retrieval config version to pick up changes.</p>
        </section>
        {can(principal, "registry:write") ? (
          <Card title="Upload">
            <UploadDocumentsForm slug={slug} knowledgeBaseId={kb.id} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
