import Link from "next/link";
import type { TLabelQueue } from "@/lib/labelling/schemas";
import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import { formatWhen } from "@/components/releases/format";
import { QueueProgressBar } from "./queue-progress-bar";
import { sourceLabel } from "./queue-source-label";

// The labelling queues of a project: what each one labels, with what rubric, by whom, by when, and how
// far it has got.

export function QueueTable({ slug, queues, now, canManage, empty }: { slug: string; queues: TLabelQueue[]; now: Date; canManage: boolean; empty?: string }) {
  if (queues.length === 0) {
    return (
      <EmptyState title={empty ?? "No labelling queues yet"}>
        {canManage ? <>Create a rubric, then a queue from an eval run, production traces or negative feedback.</> : <>An engineer or admin creates queues.</>}
      </EmptyState>
    );
  }
  return (
    <table className={tableClass} aria-label="Labelling queues">
      <thead>
        <tr>
          <th className={th}>Queue</th>
          <th className={th}>Source</th>
          <th className={th}>Rubric</th>
          <th className={th}>Per item</th>
          <th className={th}>Assignees</th>
          <th className={th}>Due</th>
          <th className={th}>Progress</th>
          {canManage ? <th className={th}><span className="sr-only">Settings</span></th> : null}
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => {
          const overdue = q.dueAt !== null && new Date(q.dueAt) < now && q.counts.open + q.counts.needs_adjudication > 0;
          return (
            <tr key={q.id}>
              <td className={td}>
                <Link href={`/p/${slug}/labelling/${q.id}`} className="font-medium hover:underline" dir="auto">{q.name}</Link>
                {q.archivedAt ? <span className="ml-2"><Badge>archived</Badge></span> : null}
                {q.description ? <p className="max-w-64 truncate text-xs text-zinc-500" dir="auto">{q.description}</p> : null}
              </td>
              <td className={`${td} text-xs text-zinc-600 dark:text-zinc-400`}>{sourceLabel(q.source)}</td>
              <td className={td}>
                <span dir="auto">{q.rubric.name}</span> <span className="text-xs text-zinc-500">v{q.rubric.version}</span>
              </td>
              <td className={`${td} tabular-nums`}>{q.annotatorsPerItem}</td>
              <td className={`${td} text-xs`}>{q.assignees.length ? q.assignees.map((a) => a.name).join(", ") : <span className="text-zinc-500">anyone who labels</span>}</td>
              <td className={`${td} whitespace-nowrap text-xs`}>
                {q.dueAt ? (
                  overdue ? <span className="font-medium text-red-700 dark:text-red-400">{formatWhen(q.dueAt)} · overdue</span> : formatWhen(q.dueAt)
                ) : <span className="text-zinc-500">—</span>}
              </td>
              <td className={td}><QueueProgressBar counts={q.counts} /></td>
              {canManage ? (
                <td className={td}>
                  <Link href={`/p/${slug}/labelling/${q.id}/settings`} className="text-xs text-zinc-600 hover:underline dark:text-zinc-400" aria-label={`Settings of ${q.name}`}>Settings</Link>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
