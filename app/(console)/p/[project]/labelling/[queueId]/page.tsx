import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { getLabelQueue } from "@/lib/labelling/queues";
import { getQueueAgreement, getQueueProgress, SMALL_AGREEMENT_SAMPLE } from "@/lib/labelling/progress";
import { listAdjudicationCases } from "@/lib/labelling/adjudication";
import { listDatasets } from "@/lib/datasets/service";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { AgreementTable, AssigneeTable, QueueProgressBar } from "@/components/labelling/progress-panel";
import { ExportGoldDialog } from "@/components/labelling/export-dialog";

export const metadata: Metadata = { title: "Labelling queue" };

export default async function QueuePage({ params }: { params: Promise<{ project: string; queueId: string }> }) {
  const { project: slug, queueId } = await params;
  const { principal } = await requirePermission(slug, "project:read");
  const queue = await orNotFound(getLabelQueue(principal, queueId));
  const [progress, agreement] = await Promise.all([getQueueProgress(principal, queueId), getQueueAgreement(principal, queueId)]);
  const mayAdjudicate = can(principal, "labels:adjudicate");
  const mayManage = can(principal, "labels:manage");
  const disputed = mayAdjudicate ? await listAdjudicationCases(principal, queueId, 10) : [];
  const datasets = mayManage ? (await listDatasets(principal)).map((d) => ({ id: d.id, name: d.name, latestVersion: d.latestVersion })) : [];
  const base = `/p/${slug}/labelling/${queueId}`;
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/p/${slug}/labelling`} className="text-zinc-500 hover:underline">← Labelling</Link></p>
      <PageHeader
        title={queue.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>Rubric {queue.rubric.name} v{queue.rubric.version} · {queue.annotatorsPerItem} annotator{queue.annotatorsPerItem === 1 ? "" : "s"} per item · adjudication beyond a spread of {queue.adjudicationThreshold}</span>
            {queue.dueAt ? <Badge tone="blue">due {queue.dueAt.slice(0, 10)}</Badge> : null}
            {queue.archivedAt ? <Badge>archived</Badge> : null}
          </span>
        }
        actions={
          <>
            {mayManage ? <Button variant="ghost" asChild><Link href={`${base}/settings`}>Settings</Link></Button> : null}
            {mayManage ? <ExportGoldDialog slug={slug} queueId={queueId} gold={progress.items.gold} datasets={datasets} /> : null}
            {mayAdjudicate && progress.items.needsAdjudication ? <Button variant="secondary" asChild><Link href={`${base}/adjudicate`}>Adjudicate ({progress.items.needsAdjudication})</Link></Button> : null}
            {can(principal, "labels:write") && !queue.archivedAt ? <Button asChild><Link href={`${base}/review`}>Start reviewing</Link></Button> : null}
          </>
        }
      />
      <div className="space-y-4">
        <Card title={`Progress · ${progress.items.total} items`}>
          <QueueProgressBar progress={progress} />
          <div className="mt-4"><AssigneeTable progress={progress} perItem={queue.annotatorsPerItem} /></div>
        </Card>
        <AgreementTable agreement={agreement} small={SMALL_AGREEMENT_SAMPLE} />
        {mayAdjudicate ? (
          <Card title={`Needs adjudication · ${progress.items.needsAdjudication}`} actions={progress.items.needsAdjudication ? <Link className="text-sm hover:underline" href={`${base}/adjudicate`}>Adjudicate →</Link> : undefined}>
            {disputed.length ? (
              <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
                {disputed.map((c) => (
                  <li key={c.item.id} className="flex items-center justify-between gap-3 py-1.5">
                    <span className="min-w-0 truncate" dir="auto">#{c.item.position + 1} · {c.item.input}</span>
                    <span className="shrink-0 text-xs text-amber-700 dark:text-amber-400">{c.disagreements.map((d) => d.dimension).join(", ")}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-zinc-500">No disputed items. Items whose annotators disagree beyond the threshold appear here.</p>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
