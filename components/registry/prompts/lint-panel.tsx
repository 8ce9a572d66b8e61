import { Badge } from "@/components/ui/page";
import type { LintIssue } from "@/lib/registry/prompts/lint";
import { formatUsd, type PromptMeasure } from "@/lib/registry/prompts/measure";

const TONE = { error: "red", warning: "amber", info: "blue" } as const;

/** Live lint of the draft: the same rules the server applies on save. */
export function LintPanel({ issues, measure, modelName }: { issues: LintIssue[]; measure: PromptMeasure; modelName: string | null }) {
  const shown = issues.filter((i) => i.severity !== "info");
  const errors = shown.filter((i) => i.severity === "error").length;
  return (
    <aside aria-label="Lint" className="space-y-4 rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
      <div>
        <h2 className="font-medium">Lint</h2>
        <p className="mt-0.5 text-xs text-zinc-500" aria-live="polite">
          {errors ? `${errors} error${errors === 1 ? "" : "s"} block saving` : shown.length ? "Warnings only — you can save" : "No problems found"}
        </p>
      </div>
      {shown.length ? (
        <ul className="space-y-2">
          {shown.map((i, k) => (
            <li key={k} className="flex gap-2">
              <span className="shrink-0"><Badge tone={TONE[i.severity]}>{i.severity}</Badge></span>
              <span>
                {i.line ? <span className="font-mono text-xs text-zinc-500">{i.messageIndex !== undefined ? `#${i.messageIndex + 1} ` : ""}{i.line}:{i.column} </span> : null}
                {i.message}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">Length</h3>
        <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-3 gap-y-0.5 tabular-nums">
          {measure.tokens.perMessage.map((n, i) => (
            <div key={i} className="contents">
              <dt className="text-zinc-500">Message {i + 1}</dt>
              <dd className="text-right">{n}</dd>
            </div>
          ))}
          <dt className="font-medium">Total input (with chat overhead)</dt>
          <dd className="text-right font-medium" data-testid="total-tokens">{measure.tokens.total}</dd>
        </dl>
        <p className="mt-1 text-xs text-zinc-500">Counted with o200k_base, before variables are filled in.</p>
      </div>
      <div>
        <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500">Estimated cost per call</h3>
        {measure.cost ? (
          <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-3 gap-y-0.5 tabular-nums" data-testid="cost">
            <dt className="text-zinc-500">Input on {modelName}</dt>
            <dd className="text-right">{formatUsd(measure.cost.inputUsd)}</dd>
            {measure.cost.maxOutputUsd !== null ? (
              <>
                <dt className="text-zinc-500">Output, at most {measure.cost.maxOutputTokens} tokens</dt>
                <dd className="text-right">{formatUsd(measure.cost.maxOutputUsd)}</dd>
              </>
            ) : null}
            <dt className="font-medium">Upper bound</dt>
            <dd className="text-right font-medium">{formatUsd(measure.cost.upperBoundUsd)}</dd>
          </dl>
        ) : (
          <p className="mt-1 text-zinc-500">Choose a model version to estimate the cost.</p>
        )}
      </div>
    </aside>
  );
}
