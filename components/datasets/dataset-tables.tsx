import Link from "next/link";
import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import type { TDatasetItemsPage, TDatasetSummary, TDatasetVersion } from "@/lib/datasets/schemas";

const when = (iso: string) => iso.replace("T", " ").slice(0, 16);
const frame = "overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800";
const head = "bg-zinc-50 dark:bg-zinc-900";

export function DatasetsTable({ slug, datasets }: { slug: string; datasets: TDatasetSummary[] }) {
  if (!datasets.length) return <EmptyState title="No datasets">Create one, then import CSV or JSONL items into it.</EmptyState>;
  return (
    <div className={frame}>
      <table className={tableClass} aria-label="Datasets">
        <thead className={head}>
          <tr><th className={th}>Name</th><th className={th}>Description</th><th className={th}>Tags</th><th className={`${th} text-right`}>Version</th><th className={`${th} text-right`}>Items</th><th className={th}>Updated (UTC)</th></tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.id} data-testid={`dataset-${d.name}`}>
              <td className={td}><Link href={`/p/${slug}/datasets/${d.name}`} className="font-medium hover:underline" dir="auto">{d.name}</Link></td>
              <td className={`${td} text-zinc-500`} dir="auto">{d.description ?? "—"}</td>
              <td className={td}><span className="flex flex-wrap gap-1">{d.tags.map((t) => <Badge key={t}><bdi>{t}</bdi></Badge>)}</span></td>
              <td className={`${td} text-right tabular-nums`}>{d.latestVersion ? `v${d.latestVersion}` : "—"}</td>
              <td className={`${td} text-right tabular-nums`}>{d.itemCount}</td>
              <td className={`${td} tabular-nums text-zinc-500`}>{when(d.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function VersionsTable({ slug, name, versions, selected }: { slug: string; name: string; versions: TDatasetVersion[]; selected: number | null }) {
  if (!versions.length) return <EmptyState title="No versions yet">Import a CSV or JSONL file below to write version 1.</EmptyState>;
  return (
    <div className={frame}>
      <table className={tableClass} aria-label="Versions">
        <thead className={head}>
          <tr><th className={th}>Version</th><th className={`${th} text-right`}>Items</th><th className={th}>Changelog</th><th className={th}>Author</th><th className={th}>Created (UTC)</th><th className={th}>Export</th></tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const base = `/api/v1/projects/${slug}/datasets/${name}/versions/${v.version}/export`;
            return (
              <tr key={v.id} aria-current={v.version === selected ? "true" : undefined} className={v.version === selected ? "bg-zinc-50 dark:bg-zinc-900" : undefined}>
                <td className={td}><Link href={`/p/${slug}/datasets/${name}?version=${v.version}`} className="font-medium hover:underline">v{v.version}</Link></td>
                <td className={`${td} text-right tabular-nums`}>{v.itemCount}</td>
                <td className={td} dir="auto">{v.changelog}</td>
                <td className={td} dir="auto">{v.author}</td>
                <td className={`${td} tabular-nums text-zinc-500`}>{when(v.createdAt)}</td>
                <td className={td}>
                  <span className="flex gap-2">
                    <a href={`${base}?format=jsonl`} className="text-blue-600 hover:underline" download>JSONL</a>
                    <a href={`${base}?format=csv`} className="text-blue-600 hover:underline" download>CSV</a>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// each value gets its own direction: an Arabic question renders right-to-left under its variable name
function Inputs({ inputs, lang }: { inputs: Record<string, unknown>; lang: string }) {
  return (
    <>
      {Object.entries(inputs).map(([k, v]) => (
        <div key={k}>
          <span className="font-mono text-xs text-zinc-500" dir="ltr">{k}</span>
          <p className="whitespace-pre-wrap" dir="auto" lang={lang}>{typeof v === "string" ? v : JSON.stringify(v)}</p>
        </div>
      ))}
    </>
  );
}

export function ItemsTable({ page }: { page: TDatasetItemsPage }) {
  if (!page.items.length) return <EmptyState title="No items on this page" />;
  return (
    <div className={frame}>
      <table className={tableClass} aria-label={`Items of version ${page.version}`}>
        <thead className={head}>
          <tr><th className={th}>Key</th><th className={th}>Input</th><th className={th}>Reference</th><th className={th}>Language</th><th className={th}>Split</th><th className={th}>Tags</th></tr>
        </thead>
        <tbody>
          {page.items.map((i) => (
            <tr key={i.key} data-testid={`item-${i.key}`}>
              <td className={`${td} font-mono text-xs`} dir="ltr">{i.key}</td>
              <td className={`${td} max-w-md`}><Inputs inputs={i.inputs} lang={i.language} /></td>
              <td className={`${td} max-w-md whitespace-pre-wrap`} dir="auto" lang={i.language}>{i.reference ?? "—"}</td>
              <td className={td}>{i.language}</td>
              <td className={td}>{i.split}</td>
              <td className={td}><span className="flex flex-wrap gap-1">{i.tags.map((t) => <Badge key={t}><bdi>{t}</bdi></Badge>)}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
