"use client";

import { useEffect, useRef, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/page";
import type { TEvalRunDetail } from "@/lib/evals/runs/schemas";
import type { RunSummary } from "@/lib/evals/runs/types";
import { CancelRunButton } from "./cancel-run-button";
import { CompareControl, type CompareOption } from "./compare-control";
import { DistributionCharts } from "./distribution-charts";
import { formatWhen } from "./format";
import { RunProgressPanel } from "./run-progress-panel";
import { isActive, RunStatusBadge } from "./run-status";
import { LanguageTable, MetricsTable, ParityTable, RunFacts } from "./run-summary";
import { useEvalRun } from "./use-eval-run";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="break-words text-sm">{children}</dd>
    </div>
  );
}

/** What was run: every pinned version, so two runs can be told apart without opening them. */
function RunConfig({ slug, run, others }: { slug: string; run: TEvalRunDetail; others: CompareOption[] }) {
  const link = "hover:underline";
  const baseline = others.find((o) => o.id === run.baselineRunId);
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4" aria-label="Run configuration">
      <Fact label="Dataset"><Link href={`/p/${slug}/datasets/${run.dataset.name}?version=${run.dataset.version}`} className={link} dir="auto">{run.dataset.name}</Link> <span className="text-zinc-500">v{run.dataset.version}</span></Fact>
      <Fact label="Prompt"><Link href={`/p/${slug}/prompts/${run.prompt.name}/versions/${run.prompt.version}`} className={link} dir="auto">{run.prompt.name}</Link> <span className="text-zinc-500">v{run.prompt.version}</span></Fact>
      <Fact label="Model"><bdi>{run.model.displayName}</bdi></Fact>
      <Fact label="Retrieval">{run.retrieval ? <>{run.retrieval.config} <span className="text-zinc-500">v{run.retrieval.version}</span></> : <span className="text-zinc-500">none</span>}</Fact>
      <Fact label="Judge">{run.judge ? <>{run.judge.prompt} <span className="text-zinc-500">v{run.judge.version} on</span> <bdi>{run.judge.model}</bdi></> : <span className="text-zinc-500">none</span>}</Fact>
      <Fact label="Repeats">{run.repeats}</Fact>
      <Fact label="Baseline">{run.baselineRunId ? <Link href={`/p/${slug}/evals/${run.baselineRunId}`} className={link} dir="auto">{baseline?.name ?? "baseline run"}</Link> : <span className="text-zinc-500">none</span>}</Fact>
      <Fact label="Created (UTC)"><bdi>{run.authorLabel}</bdi>, {formatWhen(run.createdAt)}</Fact>
    </dl>
  );
}

/**
 * The live part of the run page: header, progress and summary come from one polled query, so they
 * never disagree. When the run ends, the server-rendered results below are refreshed once.
 */
export function RunOverview({ slug, initial, canWrite, compareOptions }: { slug: string; initial: TEvalRunDetail; canWrite: boolean; compareOptions: CompareOption[] }) {
  const router = useRouter();
  const { data: run, error } = useEvalRun(slug, initial);
  const active = isActive(run.status);
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) router.refresh();
    wasActive.current = active;
  }, [active, router]);
  const summary = (run.summary ?? null) as RunSummary | null;
  const metrics = summary?.overall.metrics ?? [];

  return (
    <>
      <PageHeader
        title={run.name}
        description={<Link href={`/p/${slug}/evals`} className="hover:underline">← Evaluations</Link>}
        actions={
          <>
            <RunStatusBadge status={run.status} />
            {canWrite && active ? <CancelRunButton slug={slug} id={run.id} name={run.name} /> : null}
          </>
        }
      />
      <div className="space-y-6">
        <RunConfig slug={slug} run={run} others={compareOptions} />
        {error ? <p role="alert" className="text-sm text-amber-700">Live updates paused: {error.message}. Retrying…</p> : null}
        <Card title="Progress"><RunProgressPanel run={run} /></Card>
        {summary ? (
          <>
            <Card title={active ? "Summary so far" : "Summary"} actions={<CompareControl slug={slug} runId={run.id} options={compareOptions} baselineRunId={run.baselineRunId} />}>
              <div className="space-y-4">
                <MetricsTable metrics={metrics} />
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  Means with a bootstrap 95% interval. Judge dimensions on the rubric’s 1–5 scale, scorers on 0–1. A scorer error is counted under Errors, never as a zero.
                </p>
                <RunFacts overall={summary.overall} />
              </div>
            </Card>
            <Card title="By language">
              <div className="space-y-5">
                <LanguageTable byLanguage={summary.byLanguage} keys={metrics} />
                <section aria-labelledby="parity-heading" className="space-y-2">
                  <h3 id="parity-heading" className="text-sm font-medium">Arabic–English parity</h3>
                  <ParityTable parity={summary.parity} keys={metrics} />
                </section>
              </div>
            </Card>
            <Card title="Score distributions"><DistributionCharts metrics={metrics} distributions={summary.distributions} /></Card>
          </>
        ) : (
          <Card title="Summary"><p className="text-sm text-zinc-500">The summary appears as soon as the first results are in.</p></Card>
        )}
      </div>
    </>
  );
}
