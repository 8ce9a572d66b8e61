import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { listAdjudicationCases } from "@/lib/labelling/adjudication";
import { getReviewContextForAdjudication } from "@/lib/labelling/adjudication-read";
import { PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { AdjudicateScreen } from "@/components/labelling/adjudicate-screen";

export const metadata: Metadata = { title: "Adjudicate" };

export default async function AdjudicatePage({ params }: { params: Promise<{ project: string; queueId: string }> }) {
  const { project: slug, queueId } = await params;
  const { principal, user } = await requirePermission(slug, "labels:adjudicate");
  const queue = await orNotFound(getReviewContextForAdjudication(principal, queueId));
  const cases = await listAdjudicationCases(principal, queueId);
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/p/${slug}/labelling/${queueId}`} className="text-zinc-500 hover:underline">← {queue.name}</Link></p>
      <PageHeader
        title={`Adjudicate · ${queue.name}`}
        description={`Items whose annotators disagree beyond the queue's threshold (${queue.adjudicationThreshold} on a scale; any difference on categories). Your decision becomes the gold label.`}
      />
      <AdjudicateScreen slug={slug} queueId={queueId} dims={queue.dimensions} cases={cases} userId={user.id} />
    </>
  );
}
