import Link from "next/link";
import { Badge, tableClass, td, th } from "@/components/ui/page";
import type { FieldChange } from "@/lib/registry/prompts/diff";
import type { TRetrievalConfigVersion } from "@/lib/registry/retrieval/schemas";
import { when } from "./retrieval-tables";

export type NameOf = (field: string, value: unknown) => string;

export function sourceOf(v: TRetrievalConfigVersion, kbName: (id: string) => string) {
  return v.externalRetriever ? `external: ${v.externalRetriever.url}` : kbName(v.knowledgeBaseId ?? "");
}

export function ConfigVersionsTable({ slug, versions, modelName, kbName }: {
  slug: string; versions: TRetrievalConfigVersion[]; modelName: (id: string) => string; kbName: (id: string) => string;
}) {
  const latest = versions[0]?.version;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={tableClass} aria-label="Versions">
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th className={th}>Version</th><th className={th}>Changelog</th><th className={th}>Embedding model</th><th className={th}>Chunks (size / overlap)</th>
            <th className={th}>Top-k / min sim.</th><th className={th}>Rerank</th><th className={th}>Source</th><th className={th}>Author</th><th className={th}>Created (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} data-testid={`version-${v.version}`}>
              <td className={`${td} whitespace-nowrap`}>
                <Link href={`/p/${slug}/retrieval/configs/${v.name}/versions/${v.version}`} className="font-medium hover:underline">v{v.version}</Link>
                {v.version === latest ? <span className="ml-1.5"><Badge tone="green">latest</Badge></span> : null}
              </td>
              <td className={`${td} max-w-xs whitespace-pre-wrap`} dir="auto">{v.changelog}</td>
              <td className={`${td} text-xs`} dir="auto">{modelName(v.embeddingModelVersionId)}</td>
              <td className={`${td} tabular-nums`}>{v.chunkSize} / {v.chunkOverlap}</td>
              <td className={`${td} tabular-nums`}>{v.topK} / {v.minSimilarity}</td>
              <td className={td}>{v.rerank}</td>
              <td className={`${td} max-w-[14rem] truncate text-xs`} dir="auto">{sourceOf(v, kbName)}</td>
              <td className={`${td} text-zinc-500`} dir="auto">{v.author}</td>
              <td className={`${td} whitespace-nowrap tabular-nums text-zinc-500`}>{when(v.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const shown = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));

export function ConfigDiffTable({ changes, a, b, nameOf }: { changes: FieldChange[]; a: number; b: number; nameOf: NameOf }) {
  if (!changes.length) return <p className="text-sm text-zinc-500">v{a} and v{b} have the same content (only the changelog differs).</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={tableClass} aria-label={`Changes from v${a} to v${b}`}>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr><th className={th}>Field</th><th className={th}>v{a}</th><th className={th}>v{b}</th></tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field} data-testid={`diff-${c.field}`}>
              <td className={td}><code className="text-xs">{c.field}</code></td>
              <td className={`${td} bg-red-50 dark:bg-red-950/40`} dir="auto"><del className="no-underline">{nameOf(c.field, c.before) || shown(c.before)}</del></td>
              <td className={`${td} bg-emerald-50 dark:bg-emerald-950/40`} dir="auto"><ins className="no-underline">{nameOf(c.field, c.after) || shown(c.after)}</ins></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
