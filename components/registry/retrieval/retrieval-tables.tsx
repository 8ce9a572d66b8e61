import Link from "next/link";
import { EmptyState, tableClass, td, th } from "@/components/ui/page";
import type { TKnowledgeBase, TKnowledgeDocument, TRetrievalConfigSummary } from "@/lib/registry/retrieval/schemas";

export const when = (iso: string) => iso.replace("T", " ").slice(0, 16);
const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 })} KB`);
const frame = "overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800";

export function KnowledgeBasesTable({ slug, knowledgeBases }: { slug: string; knowledgeBases: TKnowledgeBase[] }) {
  if (!knowledgeBases.length) return <EmptyState title="No knowledge bases">Create one, then upload text or markdown documents to it.</EmptyState>;
  return (
    <div className={frame}>
      <table className={tableClass} aria-label="Knowledge bases">
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr><th className={th}>Name</th><th className={th}>Description</th><th className={`${th} text-right`}>Documents</th><th className={th}>Updated (UTC)</th></tr>
        </thead>
        <tbody>
          {knowledgeBases.map((kb) => (
            <tr key={kb.id} data-testid={`kb-${kb.name}`}>
              <td className={td}><Link href={`/p/${slug}/retrieval/knowledge-bases/${kb.id}`} className="font-medium hover:underline" dir="auto">{kb.name}</Link></td>
              <td className={`${td} text-zinc-500`} dir="auto">{kb.description ?? "—"}</td>
              <td className={`${td} text-right tabular-nums`}>{kb.documentCount}</td>
              <td className={`${td} tabular-nums text-zinc-500`}>{when(kb.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DocumentsTable({ documents }: { documents: TKnowledgeDocument[] }) {
  if (!documents.length) return <EmptyState title="No documents">Upload text or markdown below. Each document needs a source id and the date it was last updated.</EmptyState>;
  return (
    <div className={frame}>
      <table className={tableClass} aria-label="Documents">
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr><th className={th}>Source id</th><th className={th}>Title</th><th className={th}>Last updated (UTC)</th><th className={`${th} text-right`}>Size</th><th className={th}>Hash</th></tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id} data-testid={`doc-${d.sourceId}`}>
              <td className={td}><code className="text-xs" dir="auto">{d.sourceId}</code></td>
              <td className={td} dir="auto">{d.title}</td>
              <td className={`${td} tabular-nums text-zinc-500`}>{when(d.lastUpdatedAt)}</td>
              <td className={`${td} text-right tabular-nums`}>{size(d.sizeBytes)}</td>
              <td className={td}><code className="text-xs" title={d.contentHash}>{d.contentHash.slice(0, 8)}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RetrievalConfigsTable({ slug, configs }: { slug: string; configs: TRetrievalConfigSummary[] }) {
  if (!configs.length) return <EmptyState title="No retrieval configs">A retrieval config pins the embedding model, chunking, top-k and the knowledge base (or an external retriever) a release uses.</EmptyState>;
  return (
    <div className={frame}>
      <table className={tableClass} aria-label="Retrieval configs">
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr><th className={th}>Name</th><th className={th}>Description</th><th className={th}>Latest</th><th className={th}>Updated (UTC)</th></tr>
        </thead>
        <tbody>
          {configs.map((c) => (
            <tr key={c.id} data-testid={`config-${c.name}`}>
              <td className={td}><Link href={`/p/${slug}/retrieval/configs/${c.name}`} className="font-medium hover:underline">{c.name}</Link></td>
              <td className={`${td} text-zinc-500`} dir="auto">{c.description ?? "—"}</td>
              <td className={`${td} tabular-nums`}>{c.latestVersion ? `v${c.latestVersion}` : "—"}</td>
              <td className={`${td} tabular-nums text-zinc-500`}>{when(c.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
