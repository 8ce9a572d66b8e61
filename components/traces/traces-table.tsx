import Link from "next/link";
import { MessageSquare } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Badge, EmptyState, tableClass, td as baseTd, th as baseTh } from "@/components/ui/page";
import type { TTraceRow } from "@/lib/traces/list-schemas";
import { formatCount, formatMs, formatUsd, formatWhen } from "./format";
import { FeedbackCell } from "./trace-feedback";

// fourteen columns at 1280 px: small type and tight padding; user-supplied text may be Arabic, so dir="auto"
const td = cn(baseTd, "px-2 py-1.5 text-xs");
const th = cn(baseTh, "px-2 py-1.5 text-[11px]");
const muted = "text-zinc-400";

export function traceHref(slug: string, traceId: string) {
  return `/p/${slug}/traces/${encodeURIComponent(traceId)}`;
}

export function TraceFlags({ trace }: { trace: Pick<TTraceRow, "piiTypes" | "injectionFlagged" | "loop" | "maxToolCalls"> }) {
  if (!trace.piiTypes.length && !trace.injectionFlagged && !trace.loop) return <span className={muted}>—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {trace.piiTypes.map((t) => <Badge key={t} tone="amber"><span title="Personal data found and scrubbed">PII {t}</span></Badge>)}
      {trace.injectionFlagged ? <Badge tone="red">injection</Badge> : null}
      {trace.loop ? <Badge tone="red"><span title={`One tool was called ${trace.maxToolCalls} times`}>loop</span></Badge> : null}
    </span>
  );
}

export function TracesTable({ slug, traces }: { slug: string; traces: TTraceRow[] }) {
  if (!traces.length) {
    return (
      <EmptyState title="No traces match these filters">
        Widen the time range or clear a filter. Applications send traces with POST /api/v1/traces (or OpenTelemetry); they appear here once the worker has processed them.
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={tableClass} aria-label="Traces">
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th className={th}>Time (UTC)</th>
            <th className={th}>Name</th>
            <th className={th}>Env</th>
            <th className={th}>Release</th>
            <th className={th}>Prompt</th>
            <th className={th}>Models</th>
            <th className={th}>Team</th>
            <th className={`${th} text-right`}>Duration</th>
            <th className={`${th} text-right`}>Spans</th>
            <th className={`${th} text-right`}>Tokens</th>
            <th className={`${th} text-right`}>Cost</th>
            <th className={th}>Status</th>
            <th className={th}>Flags</th>
            {/* an icon header keeps the fourteenth column narrow at 1280 px */}
            <th className={th}><span title="User feedback" className="inline-flex"><MessageSquare aria-hidden className="size-3.5" /><span className="sr-only">User feedback</span></span></th>
          </tr>
        </thead>
        <tbody>
          {traces.map((t) => (
            <tr key={t.traceId} data-testid={`trace-${t.traceId}`} className="relative hover:bg-zinc-50 focus-within:bg-zinc-100 dark:hover:bg-zinc-900/60 dark:focus-within:bg-zinc-900">
              <td className={`${td} whitespace-nowrap tabular-nums`}>
                <time dateTime={t.startTime}>{formatWhen(t.startTime)}</time>
              </td>
              <td className={`${td} max-w-48`}>
                {/* the row's one link; its ::after covers the row so a click anywhere opens the trace */}
                <Link href={traceHref(slug, t.traceId)} className="font-medium [overflow-wrap:anywhere] after:absolute after:inset-0 hover:underline focus-visible:outline-2" dir="auto" title={t.traceId}>
                  {t.name ?? t.traceId}
                </Link>
              </td>
              <td className={td} dir="auto">{t.environment ?? <span className={muted}>—</span>}</td>
              <td className={`${td} max-w-28 [overflow-wrap:anywhere]`} dir="auto">
                {t.release ? <>{t.release.id}{t.release.variant ? <span className="text-zinc-500"> · {t.release.variant}</span> : null}</> : <span className={muted}>—</span>}
              </td>
              <td className={`${td} max-w-32 [overflow-wrap:anywhere]`} dir="auto">
                {t.prompt ? <>{t.prompt.name}{t.prompt.version ? <span className="text-zinc-500"> v{t.prompt.version}</span> : null}</> : <span className={muted}>—</span>}
              </td>
              <td className={`${td} max-w-32 [overflow-wrap:anywhere]`}>{t.models.length ? t.models.join(", ") : <span className={muted}>—</span>}</td>
              <td className={td} dir="auto">{t.team ?? <span className={muted}>—</span>}</td>
              <td className={`${td} text-right tabular-nums whitespace-nowrap`}>{formatMs(t.durationMs)}</td>
              <td className={`${td} text-right tabular-nums`}>{t.spanCount ? formatCount(t.spanCount) : <span className={muted}>—</span>}{t.errorSpans ? <span className="text-red-600"> ({t.errorSpans}✕)</span> : null}</td>
              <td className={`${td} text-right tabular-nums whitespace-nowrap`} title={`${formatCount(t.inputTokens)} in / ${formatCount(t.outputTokens)} out`}>
                {t.inputTokens + t.outputTokens ? formatCount(t.inputTokens + t.outputTokens) : <span className={muted}>—</span>}
              </td>
              <td className={`${td} text-right tabular-nums`}>{formatUsd(t.costUsd)}</td>
              <td className={td}>{t.status === "error" ? <Badge tone="red">error</Badge> : <Badge tone="green">ok</Badge>}</td>
              <td className={`${td} relative z-10`}><TraceFlags trace={t} /></td>
              <td className={`${td} whitespace-nowrap`}><FeedbackCell feedback={t.feedback} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
