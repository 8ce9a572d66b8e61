import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { queueFormChoices } from "@/lib/labelling/queues-choices";
import { PageHeader } from "@/components/ui/page";
import { QueueForm } from "@/components/labelling/queue-form";

export const metadata: Metadata = { title: "New labelling queue" };

export default async function NewQueuePage({ params, searchParams }: {
  params: Promise<{ project: string }>;
  searchParams: Promise<{ runId?: string; mode?: string; name?: string }>;
}) {
  const { project: slug } = await params;
  const { runId, mode, name } = await searchParams;
  const { principal } = await requirePermission(slug, "labels:manage");
  const choices = await queueFormChoices(principal);
  return (
    <>
      <PageHeader
        title="New labelling queue"
        description="Items come once from an eval run, or keep arriving from production traces (a stratified sample) or traces with negative user feedback."
        actions={<Link href={`/p/${slug}/labelling`} className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">All queues</Link>}
      />
      <QueueForm slug={slug} choices={choices} prefill={{ runId, mode, name }} />
    </>
  );
}
