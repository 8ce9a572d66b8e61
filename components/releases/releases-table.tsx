import Link from "next/link";
import { EmptyState, tableClass, td, th } from "@/components/ui/page";
import type { TReleaseRow } from "@/lib/releases/schemas";
import { formatWhen } from "./format";
import { ReleaseStateBadge } from "./state-badge";

export function ReleasesTable({ slug, releases, label = "Releases", empty }: { slug: string; releases: TReleaseRow[]; label?: string; empty?: string }) {
  if (!releases.length) return <EmptyState title={empty ?? "No releases yet"} />;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={tableClass} aria-label={label}>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th className={th}>Version</th>
            <th className={th}>State</th>
            <th className={th}>Bundle</th>
            <th className={th}>Author</th>
            <th className={th}>Created</th>
          </tr>
        </thead>
        <tbody>
          {releases.map((r) => (
            <tr key={r.id} data-testid={`release-${r.version}`} className="hover:bg-zinc-50 dark:hover:bg-zinc-900/60">
              <td className={td}>
                <Link href={`/p/${slug}/releases/${r.id}`} className="font-medium hover:underline">{r.version}</Link>
                {r.notes ? <p className="max-w-72 truncate text-xs text-zinc-500" dir="auto" title={r.notes}>{r.notes}</p> : null}
              </td>
              <td className={td}><ReleaseStateBadge state={r.state} /></td>
              <td className={`${td} text-xs`}>
                {Object.entries(r.prompts).map(([role, p]) => (
                  <p key={role} dir="auto"><span className="text-zinc-500">{role}:</span> {p.name} v{p.version}</p>
                ))}
                <p className="text-zinc-500" dir="auto">{r.model.displayName}</p>
              </td>
              <td className={td} dir="auto">{r.authorLabel}</td>
              <td className={`${td} whitespace-nowrap tabular-nums text-zinc-500`}><time dateTime={r.createdAt}>{formatWhen(r.createdAt)}</time></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
