import Link from "next/link";
import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import type { TPromptSummary } from "@/lib/registry/prompts/schemas";

export const when = (iso: string) => iso.replace("T", " ").slice(0, 16);

export function PromptsTable({ slug, prompts, filtered }: { slug: string; prompts: TPromptSummary[]; filtered: boolean }) {
  if (!prompts.length) {
    return filtered ? (
      <EmptyState title="No prompts match">Try another search or clear the filters.</EmptyState>
    ) : (
      <EmptyState title="No prompts yet">A prompt is a versioned chat template with variables, parameters and a pinned model.</EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={tableClass} aria-label="Prompts">
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th className={th}>Name</th>
            <th className={th}>Tags</th>
            <th className={th}>Latest</th>
            <th className={th}>Updated (UTC)</th>
            <th className={th}>Author</th>
          </tr>
        </thead>
        <tbody>
          {prompts.map((p) => (
            <tr key={p.id} data-testid={`prompt-${p.name}`}>
              <td className={td}>
                <Link href={`/p/${slug}/prompts/${p.name}`} className="font-mono font-medium hover:underline" dir="auto">{p.name}</Link>
                {p.description ? <p className="mt-0.5 max-w-md text-xs text-zinc-500" dir="auto">{p.description}</p> : null}
              </td>
              <td className={td}>
                <div className="flex max-w-xs flex-wrap gap-1">{p.tags.map((t) => <Badge key={t}><span dir="auto">{t}</span></Badge>)}</div>
              </td>
              <td className={`${td} tabular-nums`}>{p.latestVersion ? `v${p.latestVersion}` : "—"}</td>
              <td className={`${td} tabular-nums text-zinc-500`}>{when(p.updatedAt)}</td>
              <td className={`${td} text-zinc-500`} dir="auto">{p.latestAuthor ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
