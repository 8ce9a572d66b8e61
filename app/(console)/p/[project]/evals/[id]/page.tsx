import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { ZRunResultsQuery, type StoredRunConfig } from "@/lib/evals/runs/schemas";
import { scoreKeysOf } from "@/lib/evals/runs/score-keys";
import { getEvalRun, listEvalResults, listEvalRuns } from "@/lib/evals/runs/service";
import type { RunSummary } from "@/lib/evals/runs/types";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { RunOverview } from "@/components/evals/run-overview";
import { RefreshButton } from "@/components/evals/refresh-button";
import { isActive } from "@/components/evals/run-status";
import { ResultFilters, ResultPages, ResultsTable, type ResultFilter } from "@/components/evals/results-table";

export async function generateMetadata({ params }: { params: Promise<{ project: string; id: string }> }): Promise<Metadata> {
  return { title: `Eval run ${(await params).id}` };
}

const PAGE_SIZE = 50;

export default async function EvalRunPage({ params, searchParams }: {
  params: Promise<{ project: string; id: string }>;
  searchParams: Promise<{ status?: string; language?: string; cursor?: string }>;
}) {
  const { project: slug, id } = await params;
  const sp = await searchParams;
  const { principal } = await requirePermission(slug, "registry:read");
  const run = await orNotFound(getEvalRun(principal, id));
  const parsed = ZRunResultsQuery.safeParse({ status: sp.status || undefined, language: sp.language || undefined, cursor: sp.cursor || undefined, limit: PAGE_SIZE });
  const query = parsed.success ? parsed.data : { limit: PAGE_SIZE };
  const [page, sameDataset] = await Promise.all([listEvalResults(principal, id, query), listEvalRuns(principal, { dataset: run.dataset.name, limit: 100 })]);
  const filter: ResultFilter = { status: query.status, language: query.language, cursor: query.cursor };
  const languages = Object.keys(((run.summary ?? null) as RunSummary | null)?.byLanguage ?? {});
  const keys = scoreKeysOf(run.config as StoredRunConfig);
  return (
    <>
      <RunOverview
        slug={slug}
        initial={run}
        canWrite={can(principal, "evals:write")}
        compareOptions={sameDataset.filter((r) => r.id !== run.id).map((r) => ({ id: r.id, name: r.name, status: r.status, createdAt: r.createdAt }))}
      />
      <section id="results" aria-labelledby="results-heading" className="mt-8">
        <div className="mb-2 flex items-center gap-3">
          <h2 id="results-heading" className="text-sm font-semibold">Results</h2>
          {isActive(run.status) ? <><span className="text-xs text-zinc-500">written so far; refreshed when the run ends</span><RefreshButton /></> : null}
          {!isActive(run.status) && can(principal, "labels:manage") ? (
            <Link href={`/p/${slug}/labelling/new?runId=${encodeURIComponent(run.id)}&mode=${run.judge ? "low_confidence" : "all"}`} className="ml-auto text-sm text-zinc-600 hover:underline dark:text-zinc-400">
              Send to labelling
            </Link>
          ) : null}
        </div>
        <ResultFilters filter={filter} languages={languages} />
        <ResultsTable base={`/p/${slug}/evals/${run.id}`} results={page.results} keys={keys} />
        <ResultPages filter={filter} nextCursor={page.nextCursor} />
      </section>
    </>
  );
}
