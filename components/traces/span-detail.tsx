import type { ReactNode } from "react";
import { Badge } from "@/components/ui/page";
import type { TSpanDetail } from "@/lib/traces/list-schemas";
import { formatAge, formatCount, formatMs, formatUsd } from "./format";

// Everything about one span. Text is what was stored (scrubbed) and is rendered as plain text only.

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="space-y-1.5" data-testid={testId}>
      <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{title}</h3>
      {children}
    </section>
  );
}

function PlainText({ text, testId, label }: { text: string | null; testId: string; label: string }) {
  if (text === null || text === "") return <p className="text-xs text-zinc-400">None recorded</p>;
  return (
    <pre data-testid={testId} aria-label={label} dir="auto" className="max-h-72 overflow-auto whitespace-pre-wrap rounded-md bg-zinc-50 p-2 font-sans text-xs [overflow-wrap:anywhere] dark:bg-zinc-900">
      {text}
    </pre>
  );
}

function attributeValue(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

export function SpanDetail({ span }: { span: TSpanDetail }) {
  const facts: [string, ReactNode][] = [
    ["Kind", span.kind],
    ["Status", span.status === "error" ? <Badge tone="red">error</Badge> : <Badge tone="green">ok</Badge>],
    ["Latency", formatMs(span.durationMs)],
    ["Starts at", `+${formatMs(span.offsetMs)}`],
    ["Model", span.model ?? "—"],
    ["Tokens", span.inputTokens === null && span.outputTokens === null ? "—" : `${formatCount(span.inputTokens ?? 0)} in · ${formatCount(span.outputTokens ?? 0)} out`],
    ["Cost", <span key="cost">{formatUsd(span.costUsd)} <span className="text-zinc-500">({span.costSource})</span></span>],
  ];
  const attributes = Object.entries(span.attributes);
  return (
    <div className="space-y-4" data-testid="span-detail" aria-label={`Span ${span.name}`} role="region">
      <div>
        <h2 className="text-sm font-semibold [overflow-wrap:anywhere]" dir="auto">{span.name}</h2>
        <p className="text-xs text-zinc-500">
          span {span.spanId}{span.parentSpanId ? ` · parent ${span.parentSpanId}` : ""}
          {span.orphan ? <> · <Badge tone="amber">parent never arrived</Badge></> : null}
        </p>
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-xs" data-testid="span-facts">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-zinc-500">{k}</dt>
            <dd className="tabular-nums [overflow-wrap:anywhere]">{v}</dd>
          </div>
        ))}
      </dl>
      {span.error ? (
        <Section title="Error"><PlainText text={span.error} testId="span-error" label="Error" /></Section>
      ) : null}
      <Section title="Guard findings" testId="guard-findings">
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-xs">
          <dt className="text-zinc-500">Personal data</dt>
          <dd data-testid="span-pii">
            {span.piiTypes.length ? <span className="flex flex-wrap gap-1">{span.piiTypes.map((t) => <Badge key={t} tone="amber">{t}</Badge>)}</span> : "none found"}
            {span.piiTypes.length ? <p className="mt-0.5 text-zinc-500">Scrubbed before storage; only the types are kept.</p> : null}
          </dd>
          <dt className="text-zinc-500">Injection</dt>
          <dd data-testid="span-injection">
            {span.injectionScore === null ? "not screened (no input or documents)" : (
              <>
                {span.injectionFlagged ? <Badge tone="red">injection flagged</Badge> : <Badge tone="green">not flagged</Badge>}
                <span className="ml-2 tabular-nums">score {span.injectionScore.toFixed(2)}</span>
                {span.injectionReasons.length ? (
                  <ul className="mt-1 list-disc pl-4" aria-label="Injection reasons">
                    {span.injectionReasons.map((r) => <li key={r} dir="auto">{r}</li>)}
                  </ul>
                ) : null}
              </>
            )}
          </dd>
        </dl>
      </Section>
      <Section title="Input"><PlainText text={span.input} testId="span-input" label="Input" /></Section>
      <Section title="Output"><PlainText text={span.output} testId="span-output" label="Output" /></Section>
      {span.retrievedDocs.length ? (
        <Section title={`Retrieved documents (${span.retrievedDocs.length})`} testId="retrieved-docs">
          <ul className="space-y-2">
            {span.retrievedDocs.map((d, i) => (
              <li key={`${d.id}-${i}`} className="rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-800">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium [overflow-wrap:anywhere]" dir="auto">{d.id}</span>
                  <span className={d.stale ? "text-amber-700 dark:text-amber-400" : "text-zinc-500"} title={d.lastUpdated ?? undefined}>{formatAge(d.ageDays)}</span>
                  {d.stale ? <Badge tone="amber">stale</Badge> : null}
                </p>
                {d.text ? <p className="mt-1 whitespace-pre-wrap [overflow-wrap:anywhere]" dir="auto">{d.text}</p> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title="Attributes">
        {attributes.length ? (
          <table className="w-full text-xs" aria-label="Attributes">
            <tbody>
              {attributes.map(([k, v]) => (
                <tr key={k} className="border-t border-zinc-100 dark:border-zinc-800">
                  <th scope="row" className="py-0.5 pr-3 text-left font-normal text-zinc-500 [overflow-wrap:anywhere]">{k}</th>
                  <td className="py-0.5 [overflow-wrap:anywhere]" dir="auto">{attributeValue(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p className="text-xs text-zinc-400">None</p>}
      </Section>
    </div>
  );
}
