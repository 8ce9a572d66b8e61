"use client";

import { Loader2 } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/page";
import { formatCostUsd } from "@/lib/registry/playground/form";
import type { RunState } from "./use-playground-run";

/**
 * The answer as it streams in, then what the run cost. Plain text: model output is never rendered as HTML.
 * `doneActions` (what can be done with a finished run) go right under the answer.
 */
export function RunOutput({ state, doneActions }: { state: RunState; doneActions?: ReactNode }) {
  if (state.status === "idle") {
    return <p className="text-sm text-zinc-500">Fill in the variables and press Run (Ctrl+Enter). Nothing is saved unless you add the run to a dataset.</p>;
  }
  const result = state.status === "done" ? state.result : null;
  return (
    <div className="space-y-4">
      <div aria-live="polite" aria-busy={state.status === "running"}>
        {state.status === "running" ? (
          <p className="mb-2 flex items-center gap-1.5 text-xs text-zinc-500" role="status">
            <Loader2 className="size-3.5 animate-spin" aria-hidden />Running…
          </p>
        ) : null}
        <div
          data-testid="run-output"
          dir="auto"
          className="min-h-24 whitespace-pre-wrap break-words rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          {state.text}
        </div>
      </div>
      {result && doneActions ? <div className="flex flex-wrap items-center gap-2">{doneActions}</div> : null}
      {state.status === "stopped" ? <p role="status" className="text-sm text-amber-700 dark:text-amber-400">Stopped. The provider call was cancelled.</p> : null}
      {state.status === "failed" ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
          {state.kind ? <Badge tone="red">{state.kind}</Badge> : null} {state.message}
        </div>
      ) : null}
      {result ? (
        <>
          <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-1 text-sm tabular-nums" aria-label="Run statistics" data-testid="run-stats">
            <dt className="text-zinc-500">Tokens in</dt>
            <dd data-testid="tokens-in">{result.usage.inputTokens}{result.usage.cachedTokens ? ` (${result.usage.cachedTokens} cached)` : ""}</dd>
            <dt className="text-zinc-500">Tokens out</dt>
            <dd data-testid="tokens-out">{result.usage.outputTokens}{result.usage.estimated ? " (estimated)" : ""}</dd>
            <dt className="text-zinc-500">Cost (USD)</dt>
            <dd data-testid="cost">{formatCostUsd(result.costUsd)}</dd>
            <dt className="text-zinc-500">Latency</dt>
            <dd data-testid="latency">{result.latencyMs} ms</dd>
            <dt className="text-zinc-500">Finish reason</dt>
            <dd data-testid="finish-reason">{result.finishReason}</dd>
            <dt className="text-zinc-500">Answered by</dt>
            <dd><code className="text-xs">{result.model}</code></dd>
          </dl>
          {result.retrieved.length ? (
            <details open className="rounded-md border border-zinc-200 dark:border-zinc-800">
              <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Retrieved chunks ({result.retrieved.length})</summary>
              <ol className="space-y-2 px-3 pb-3" data-testid="retrieved-chunks">
                {result.retrieved.map((c, i) => (
                  <li key={i} className="text-sm">
                    <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
                      <Badge tone="blue">{c.score === null ? "no score" : c.score.toFixed(3)}</Badge>
                      <span dir="auto">{c.title ?? c.documentSourceId ?? "external"}</span>
                      {c.lastUpdatedAt ? <span>updated {c.lastUpdatedAt.slice(0, 10)}</span> : null}
                    </div>
                    <p className="mt-1 whitespace-pre-wrap break-words" dir="auto">{c.text}</p>
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          <details className="rounded-md border border-zinc-200 dark:border-zinc-800">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Compiled messages ({result.messages.length})</summary>
            <ol className="space-y-2 px-3 pb-3">
              {result.messages.map((m, i) => (
                <li key={i}>
                  <Badge>{m.role}</Badge>
                  <pre className="mt-1 whitespace-pre-wrap break-words font-mono text-xs" dir="auto">{m.content}</pre>
                </li>
              ))}
            </ol>
          </details>
        </>
      ) : null}
    </div>
  );
}
