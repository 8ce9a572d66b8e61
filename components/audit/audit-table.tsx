"use client";

import { Fragment, useState } from "react";
import { ChevronRight } from "lucide-react";
import { Badge, tableClass, td, th } from "@/components/ui/page";
import type { TAuditEvent } from "@/lib/audit/schemas";

export type AuditRow = TAuditEvent;

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0 flex-1">
      <p className="mb-1 text-xs font-medium text-zinc-500">{label}</p>
      <pre className="overflow-x-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950" dir="auto">
        {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

export function AuditTable({ events, compact }: { events: AuditRow[]; compact?: boolean }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <table className={tableClass} aria-label="Audit events">
      <thead className={compact ? "" : "bg-zinc-50 dark:bg-zinc-900"}>
        <tr>
          <th className={th}>When (UTC)</th>
          <th className={th}>Actor</th>
          <th className={th}>Action</th>
          <th className={th}>Resource</th>
          {compact ? null : <th className={th}><span className="sr-only">Details</span></th>}
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <Fragment key={e.id}>
            <tr data-testid="audit-row">
              <td className={`${td} whitespace-nowrap tabular-nums text-zinc-500`}>{e.createdAt.replace("T", " ").slice(0, 19)}</td>
              <td className={td}>
                <span dir="auto">{e.actorLabel}</span> <Badge tone={e.actorType === "apiKey" ? "blue" : e.actorType === "system" ? "amber" : "neutral"}>{e.actorType}</Badge>
              </td>
              <td className={td}><code className="text-xs">{e.action}</code></td>
              <td className={`${td} text-xs text-zinc-500`}>{e.resourceType} <code>{e.resourceId}</code></td>
              {compact ? null : (
                <td className={`${td} text-right`}>
                  <button
                    type="button"
                    className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
                    aria-expanded={open === e.id}
                    aria-controls={`audit-${e.id}`}
                    onClick={() => setOpen(open === e.id ? null : e.id)}
                  >
                    <ChevronRight className={`size-3.5 transition-transform ${open === e.id ? "rotate-90" : ""}`} aria-hidden />
                    Before / after
                  </button>
                </td>
              )}
            </tr>
            {open === e.id ? (
              <tr id={`audit-${e.id}`}>
                <td colSpan={5} className="px-3 pb-3">
                  <div className="flex gap-3">
                    <Json label="Before" value={e.before} />
                    <Json label="After" value={e.after} />
                  </div>
                  <p className="mt-2 text-xs text-zinc-500">Event #{e.seq}{e.requestId ? ` · request ${e.requestId}` : ""}</p>
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
