import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { getScoreConfig, listScoreConfigs } from "@/lib/labelling/score-configs";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/page";
import { RubricEditor } from "@/components/labelling/rubric-editor";
import { RubricHistory } from "@/components/labelling/rubric-history";

export const metadata: Metadata = { title: "Rubrics" };

export default async function RubricsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const canManage = can(principal, "labels:manage");
  const rubrics = await Promise.all((await listScoreConfigs(principal)).map((r) => getScoreConfig(principal, r.id)));
  return (
    <>
      <PageHeader
        title="Rubrics"
        description="What reviewers score: dimensions on a scale, in categories or yes/no, with guidelines. Versions never change once saved; a queue keeps the version it was made with."
        actions={<Link href={`/p/${slug}/labelling`} className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">All queues</Link>}
      />
      <div className="max-w-5xl space-y-5">
        {canManage ? (
          <details className="rounded-lg border border-zinc-200 dark:border-zinc-800" open={rubrics.length === 0}>
            <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium">New rubric</summary>
            <div className="border-t border-zinc-200 p-4 dark:border-zinc-800"><RubricEditor slug={slug} /></div>
          </details>
        ) : null}
        {rubrics.length === 0 ? <EmptyState title="No rubrics yet">{canManage ? "Create one above." : "An engineer or admin creates rubrics."}</EmptyState> : null}
        {rubrics.map((r) => (
          <Card key={r.id} title={r.name} actions={<Badge tone="blue">v{r.latestVersion.version}</Badge>}>
            {r.description ? <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400" dir="auto">{r.description}</p> : null}
            <div className="grid grid-cols-[minmax(0,1fr)_18rem] gap-5">
              <div>
                {canManage ? (
                  <details>
                    <summary className="cursor-pointer text-sm font-medium">New version</summary>
                    <div className="mt-3">
                      <RubricEditor key={r.latestVersion.id} slug={slug} rubric={{ id: r.id, name: r.name, dimensions: r.latestVersion.dimensions, guidelines: r.latestVersion.guidelines }} />
                    </div>
                  </details>
                ) : null}
                <h3 className="mt-3 text-xs font-medium uppercase tracking-wide text-zinc-500">Guidelines (v{r.latestVersion.version})</h3>
                <p className="mt-1 whitespace-pre-wrap text-sm" dir="auto">{r.latestVersion.guidelines}</p>
              </div>
              <div>
                <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-zinc-500">History</h3>
                <RubricHistory name={r.name} versions={r.versions} />
              </div>
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
