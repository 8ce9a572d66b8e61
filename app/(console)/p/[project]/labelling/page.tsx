import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { listLabelQueues } from "@/lib/labelling/queues";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page";
import { QueueTable } from "@/components/labelling/queue-table";

export const metadata: Metadata = { title: "Labelling" };

export default async function LabellingPage({ params, searchParams }: { params: Promise<{ project: string }>; searchParams: Promise<{ archived?: string }> }) {
  const { project: slug } = await params;
  const archived = (await searchParams).archived === "true";
  const { principal } = await requirePermission(slug, "registry:read");
  const queues = await listLabelQueues(principal, { archived });
  const canManage = can(principal, "labels:manage");
  return (
    <>
      <PageHeader
        title="Labelling"
        description="Human review: reviewers label items from eval runs and production traffic against a versioned rubric. Items several annotators disagree on go to an adjudicator; gold labels become datasets and the yardstick for judges."
        actions={
          <>
            <Link href={`/p/${slug}/labelling/rubrics`} className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">Rubrics</Link>
            {canManage ? <Button asChild size="sm"><Link href={`/p/${slug}/labelling/new`}><Plus className="size-4" aria-hidden />New queue</Link></Button> : null}
          </>
        }
      />
      <nav aria-label="Queue lists" className="mb-3 flex gap-3 text-sm">
        <Link href={`/p/${slug}/labelling`} aria-current={archived ? undefined : "page"} className={archived ? "text-zinc-500 hover:underline" : "font-medium"}>Active</Link>
        <Link href={`/p/${slug}/labelling?archived=true`} aria-current={archived ? "page" : undefined} className={archived ? "font-medium" : "text-zinc-500 hover:underline"}>Archived</Link>
      </nav>
      <QueueTable slug={slug} queues={queues} now={new Date()} canManage={canManage} empty={archived ? "No archived queues" : undefined} />
    </>
  );
}
