import type { ReactNode } from "react";
import { Badge } from "@/components/ui/page";
import type { TTraceDetail } from "@/lib/traces/list-schemas";
import { formatCount, formatMs, formatUsd, formatWhen } from "./format";
import { TraceFlags } from "./traces-table";

// The trace's header: what it was, where it ran, what it cost, and its flags.
export function TraceSummary({ trace }: { trace: TTraceDetail }) {
  const facts: [string, ReactNode][] = [
    ["Started (UTC)", <time key="t" dateTime={trace.startTime}>{formatWhen(trace.startTime)}</time>],
    ["Environment", trace.environment ?? "—"],
    ["Release", trace.release ? `${trace.release.id}${trace.release.variant ? ` · ${trace.release.variant}` : ""}` : "—"],
    ["Prompt", trace.prompt ? `${trace.prompt.name}${trace.prompt.version ? ` v${trace.prompt.version}` : ""}` : "—"],
    ["Team", trace.team ?? "—"],
    ["Models", trace.models.length ? trace.models.join(", ") : "—"],
    ["Duration", formatMs(trace.durationMs)],
    ["Spans", `${formatCount(trace.spanCount)}${trace.errorSpans ? ` (${trace.errorSpans} failed)` : ""}`],
    ["Tokens", `${formatCount(trace.inputTokens)} in · ${formatCount(trace.outputTokens)} out`],
    ["Cost", formatUsd(trace.costUsd)],
  ];
  return (
    <div className="mb-4 border-b border-zinc-200 pb-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-lg font-semibold tracking-tight [overflow-wrap:anywhere]" dir="auto">{trace.name ?? trace.traceId}</h1>
        {trace.status === "error" ? <Badge tone="red">error</Badge> : <Badge tone="green">ok</Badge>}
        <span data-testid="trace-flags"><TraceFlags trace={trace} /></span>
      </div>
      <p className="mt-0.5 text-xs text-zinc-500">trace {trace.traceId}</p>
      <dl className="mt-3 grid grid-cols-5 gap-x-4 gap-y-2 text-xs">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt className="text-zinc-500">{k}</dt>
            <dd className="tabular-nums [overflow-wrap:anywhere]" dir="auto">{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
