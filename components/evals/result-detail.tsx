import type { ReactNode } from "react";
import { OctagonX } from "lucide-react";
import { Badge, Card, tableClass, td, th } from "@/components/ui/page";
import type { TEvalResultDetail } from "@/lib/evals/runs/schemas";
import type { ScoreKeyInfo } from "@/lib/evals/runs/types";
import { formatCount, formatMs, formatScore, formatUsd } from "./format";
import { frame, head } from "./runs-table";

const pre = "whitespace-pre-wrap break-words rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-900";

function Block({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</h3>
      {children}
    </div>
  );
}

function Inputs({ inputs, lang }: { inputs: Record<string, unknown>; lang: string }) {
  const entries = Object.entries(inputs);
  if (!entries.length) return <p className="text-sm text-zinc-500">No input variables.</p>;
  return (
    <dl className="space-y-2">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt className="font-mono text-xs text-zinc-500" dir="ltr">{k}</dt>
          <dd className={pre} dir="auto" lang={lang}>{typeof v === "string" ? v : JSON.stringify(v, null, 2)}</dd>
        </div>
      ))}
    </dl>
  );
}

function ScoresTable({ result, keys }: { result: TEvalResultDetail; keys: ScoreKeyInfo[] }) {
  const scorers = keys.filter((k) => k.kind === "scorer");
  if (!scorers.length) return <p className="text-sm text-zinc-500">This run has no scorers.</p>;
  return (
    <div className={frame}>
      <table className={tableClass} aria-label="Scores">
        <thead className={head}><tr><th className={th}>Scorer</th><th className={`${th} text-right`}>Score</th><th className={th}>Pass</th><th className={th}>Explanation</th></tr></thead>
        <tbody>
          {scorers.map((k) => {
            const e = result.scores[k.key];
            return (
              <tr key={k.key} data-testid={`score-${k.key}`}>
                <td className={td}>{k.label} <span className="font-mono text-xs text-zinc-500">{k.key}</span></td>
                <td className={`${td} text-right tabular-nums`}>{e?.error ? <Badge tone="red">error</Badge> : formatScore(e?.score, k.scale)}</td>
                <td className={td}>{e?.passed === undefined ? "—" : e.passed ? <Badge tone="green">pass</Badge> : <Badge tone="red">fail</Badge>}</td>
                <td className={`${td} text-sm`} dir="auto">{e?.error ? <span className="text-red-700 dark:text-red-400">{e.error}</span> : (e?.explanation ?? (e ? "—" : "not scored"))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function JudgeDimensions({ result, keys }: { result: TEvalResultDetail; keys: ScoreKeyInfo[] }) {
  const dims = keys.filter((k) => k.kind === "judge");
  if (!dims.length) return null;
  const failed = dims.some((k) => result.scores[k.key]?.error);
  return (
    <Card title="Judge">
      <div className="space-y-3">
        <ul className="space-y-2">
          {dims.map((k) => {
            const e = result.scores[k.key];
            return (
              <li key={k.key} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid={`judge-${k.key}`}>
                <div className="flex items-baseline justify-between gap-3">
                  <span className="font-medium">{k.key.replace(/^judge\./, "")}</span>
                  {e?.error ? <Badge tone="red">error</Badge> : e?.raw !== undefined ? (
                    <span className="flex items-center gap-2">
                      <span className="text-lg font-semibold tabular-nums" aria-label={`${e.raw} out of 5`}>{e.raw}<span className="text-xs font-normal text-zinc-500">/5</span></span>
                      {e.passed === undefined ? null : e.passed ? <Badge tone="green">pass</Badge> : <Badge tone="red">fail</Badge>}
                    </span>
                  ) : <span className="text-zinc-400">—</span>}
                </div>
                {e?.error ? <p className="mt-1 text-sm text-red-700 dark:text-red-400" dir="auto">{e.error}</p> : null}
                {e?.explanation ? <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300" dir="auto">{e.explanation}</p> : null}
              </li>
            );
          })}
        </ul>
        {result.judgeRaw ? (
          <details open={failed} className="text-sm">
            <summary className="cursor-pointer text-xs font-medium text-zinc-600 dark:text-zinc-400">{failed ? "The judge’s raw reply (it could not be parsed)" : "The judge’s raw reply"}</summary>
            <pre className={`${pre} mt-2 font-mono text-xs`} dir="auto" data-testid="judge-raw">{result.judgeRaw}</pre>
          </details>
        ) : null}
      </div>
    </Card>
  );
}

function Usage({ result }: { result: TEvalResultDetail }) {
  const row = (who: string, latency: number | null, input: number, output: number, cost: number) => (
    <tr><td className={td}>{who}</td><td className={`${td} text-right tabular-nums`}>{formatMs(latency)}</td><td className={`${td} text-right tabular-nums`}>{formatCount(input)}</td><td className={`${td} text-right tabular-nums`}>{formatCount(output)}</td><td className={`${td} text-right tabular-nums`}>{formatUsd(cost)}</td></tr>
  );
  return (
    <div className={frame}>
      <table className={tableClass} aria-label="Latency, tokens and cost">
        <thead className={head}><tr><th className={th}></th><th className={`${th} text-right`}>Latency</th><th className={`${th} text-right`}>Tokens in</th><th className={`${th} text-right`}>Tokens out</th><th className={`${th} text-right`}>Cost</th></tr></thead>
        <tbody>
          {row("Candidate", result.latencyMs, result.inputTokens, result.outputTokens, result.costUsd)}
          {row("Judge", result.judgeLatencyMs, result.judgeInputTokens, result.judgeOutputTokens, result.judgeCostUsd)}
        </tbody>
      </table>
    </div>
  );
}

function Context({ result }: { result: TEvalResultDetail }) {
  const relevant = new Set(result.relevantDocIds);
  const chunks = result.context ?? [];
  return (
    <div className="space-y-2">
      {result.retrievedDocIds.length || result.relevantDocIds.length ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Retrieved: {result.retrievedDocIds.length ? result.retrievedDocIds.map((d, i) => (
            <span key={`${d}-${i}`} className={`mr-1 font-mono ${relevant.has(d) ? "font-semibold text-emerald-700 dark:text-emerald-400" : ""}`}>{d}{relevant.has(d) ? " ✓" : ""}</span>
          )) : "none"}
          {result.relevantDocIds.length ? <> · relevant: <span className="font-mono">{result.relevantDocIds.join(", ")}</span></> : null}
        </p>
      ) : null}
      {chunks.length ? (
        <ol className="space-y-2">
          {chunks.map((c, i) => (
            <li key={i}>
              <details>
                <summary className="cursor-pointer text-xs"><span className="font-medium">Chunk {i + 1}</span>{c.docId ? <span className="ml-2 font-mono text-zinc-500">{c.docId}</span> : null} <span className="text-zinc-500" dir="auto">— {c.text.slice(0, 90)}{c.text.length > 90 ? "…" : ""}</span></summary>
                <p className={`${pre} mt-1`} dir="auto">{c.text}</p>
              </details>
            </li>
          ))}
        </ol>
      ) : <p className="text-sm text-zinc-500">No context chunks.</p>}
    </div>
  );
}

function Messages({ messages }: { messages: TEvalResultDetail["messages"] }) {
  if (!messages?.length) return <p className="text-sm text-zinc-500">Not recorded (the item failed before the prompt was compiled).</p>;
  return (
    <details>
      <summary className="cursor-pointer text-sm">{messages.length} messages sent to the model</summary>
      <ol className="mt-2 space-y-2">
        {messages.map((m, i) => (
          <li key={i}>
            <span className="font-mono text-xs text-zinc-500">{m.role}</span>
            <pre className={`${pre} font-sans`} dir="auto">{m.content}</pre>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Everything about one answer, so a reviewer can see why it scored what it did. */
export function ResultDetail({ result, keys }: { result: TEvalResultDetail; keys: ScoreKeyInfo[] }) {
  return (
    <div className="space-y-6">
      {result.status === "failed" ? (
        <div role="alert" className="flex gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200" data-testid="result-error">
          <OctagonX className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p><strong className="font-semibold">Failed{result.errorStage ? ` at ${result.errorStage}` : ""}.</strong> <span dir="auto">{result.error}</span></p>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-4">
          <Block label="Input variables"><Inputs inputs={result.inputs} lang={result.language} /></Block>
          <Block label="Output"><div className={pre} dir="auto" lang={result.language} data-testid="result-output">{result.output ?? <span className="text-zinc-400">No output</span>}</div></Block>
          <Block label="Reference"><div className={pre} dir="auto" lang={result.language}>{result.reference ?? <span className="text-zinc-400">No reference</span>}</div></Block>
        </div>
        <div className="space-y-4">
          <Block label="Scores"><ScoresTable result={result} keys={keys} /></Block>
          <Block label="Latency, tokens and cost"><Usage result={result} /></Block>
        </div>
      </div>
      <JudgeDimensions result={result} keys={keys} />
      <Card title="Context"><Context result={result} /></Card>
      <Card title="Compiled prompt"><Messages messages={result.messages} /></Card>
    </div>
  );
}
