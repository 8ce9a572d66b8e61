import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { getLabelQueue } from "@/lib/labelling/queues";
import { queueFormChoices } from "@/lib/labelling/queues-choices";
import { Badge, PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { formatWhen } from "@/components/releases/format";
import { QueueSettingsForm } from "@/components/labelling/queue-settings-form";
import { sourceLabel } from "@/components/labelling/queue-source-label";

export const metadata: Metadata = { title: "Queue settings" };

export default async function QueueSettingsPage({ params }: { params: Promise<{ project: string; queueId: string }> }) {
  const { project: slug, queueId } = await params;
  const { principal } = await requirePermission(slug, "labels:manage");
  const [queue, choices] = await Promise.all([orNotFound(getLabelQueue(principal, queueId)), queueFormChoices(principal)]);
  const sampling = queue.source.kind === "eval_run" ? null : queue.archivedAt ? "not sampled while archived" : queue.nextSampleAt ? `next sample ${formatWhen(queue.nextSampleAt)} UTC` : null;
  return (
    <>
      <PageHeader
        title={`Settings · ${queue.name}`}
        description={<>{sourceLabel(queue.source)}{sampling ? ` · ${sampling}` : ""}{queue.sampledUntil ? ` · sampled up to ${formatWhen(queue.sampledUntil)} UTC` : ""}</>}
        actions={
          <>
            {queue.archivedAt ? <Badge>archived</Badge> : null}
            <Link href={`/p/${slug}/labelling/${queue.id}`} className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">Back to queue</Link>
          </>
        }
      />
      <QueueSettingsForm key={`${queue.id}-${queue.archivedAt}`} slug={slug} queue={queue} choices={choices} />
    </>
  );
}
