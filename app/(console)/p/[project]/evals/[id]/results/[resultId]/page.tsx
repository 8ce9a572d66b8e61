import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import type { StoredRunConfig } from "@/lib/evals/runs/schemas";
import { scoreKeysOf } from "@/lib/evals/runs/score-keys";
import { getEvalResult, getEvalRun } from "@/lib/evals/runs/service";
import { Badge, PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { ResultDetail } from "@/components/evals/result-detail";
import { languageName } from "@/components/evals/run-summary";

export const metadata: Metadata = { title: "Eval result" };

export default async function EvalResultPage({ params }: { params: Promise<{ project: string; id: string; resultId: string }> }) {
  const { project: slug, id, resultId } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const [run, result] = await Promise.all([orNotFound(getEvalRun(principal, id)), orNotFound(getEvalResult(principal, id, resultId))]);
  return (
    <>
      <PageHeader
        title={`${result.itemKey}${run.repeats > 1 ? ` · repeat ${result.repeat + 1} of ${run.repeats}` : ""}`}
        description={
          <span className="flex flex-wrap gap-x-2">
            <Link href={`/p/${slug}/evals/${run.id}#results`} className="hover:underline" dir="auto">← {run.name}</Link>
            <span>· {languageName(result.language)} ({result.language})</span>
            <span>· item {result.itemPosition + 1} of dataset {run.dataset.name} v{run.dataset.version}</span>
          </span>
        }
        actions={<span data-testid="result-status"><Badge tone={result.status === "failed" ? "red" : "green"}>{result.status}</Badge></span>}
      />
      <ResultDetail result={result} keys={scoreKeysOf(run.config as StoredRunConfig)} />
    </>
  );
}
