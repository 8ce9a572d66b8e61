import Link from "next/link";
import { Badge, tableClass, td, th } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import type { TPromptVersionSummary } from "@/lib/registry/prompts/schemas";
import { RestoreButton } from "./restore-button";
import { when } from "./prompts-table";

export function VersionHistory({ slug, name, versions, canWrite }: { slug: string; name: string; versions: TPromptVersionSummary[]; canWrite: boolean }) {
  const latest = versions[0]?.version;
  const base = `/p/${slug}/prompts/${name}`;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={tableClass} aria-label={`Versions of ${name}`}>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th className={th}>Version</th>
            <th className={th}>Changelog</th>
            <th className={th}>Author</th>
            <th className={th}>Created (UTC)</th>
            <th className={th}>Hash</th>
            <th className={th}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} data-testid={`version-${v.version}`}>
              <td className={`${td} whitespace-nowrap tabular-nums`}>
                <Link href={`${base}/versions/${v.version}`} className="font-medium hover:underline">v{v.version}</Link>
                {v.version === latest ? <span className="ml-1.5"><Badge tone="green">latest</Badge></span> : null}
                {v.restoredFrom ? <span className="ml-1.5"><Badge tone="blue">from v{v.restoredFrom}</Badge></span> : null}
              </td>
              <td className={`${td} max-w-md whitespace-pre-wrap`} dir="auto">{v.changelog}</td>
              <td className={`${td} text-zinc-500`} dir="auto">{v.author}</td>
              <td className={`${td} whitespace-nowrap tabular-nums text-zinc-500`}>{when(v.createdAt)}</td>
              <td className={td}><code className="text-xs" title={v.contentHash}>{v.contentHash.slice(0, 8)}</code></td>
              <td className={`${td} whitespace-nowrap text-right`}>
                <div className="flex items-center justify-end gap-1">
                  <Button asChild variant="ghost" size="sm"><Link href={`${base}/versions/${v.version}`} aria-label={`View version ${v.version}`}>View</Link></Button>
                  {versions.length > 1 ? (
                    <form action={`${base}/diff`} method="get" className="flex items-center gap-1">
                      <input type="hidden" name="a" value={v.version} />
                      <select
                        name="b"
                        aria-label={`Version to compare with v${v.version}`}
                        defaultValue={v.version === latest ? versions[1].version : latest}
                        className="h-7 rounded-md border border-zinc-300 bg-white px-1.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
                      >
                        {versions.filter((o) => o.version !== v.version).map((o) => <option key={o.version} value={o.version}>v{o.version}</option>)}
                      </select>
                      <Button type="submit" variant="ghost" size="sm">Diff with…</Button>
                    </form>
                  ) : null}
                  {canWrite && v.version !== latest ? <RestoreButton slug={slug} name={name} version={v.version} /> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
