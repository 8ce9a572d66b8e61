import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { getReviewContext } from "@/lib/labelling/claims-read";
import { PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { ReviewScreen } from "@/components/labelling/review-screen";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ project: string; queueId: string }> }) {
  const { project: slug, queueId } = await params;
  const { principal } = await requirePermission(slug, "labels:write");
  const context = await orNotFound(getReviewContext(principal, queueId));
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/p/${slug}/labelling/${queueId}`} className="text-zinc-500 hover:underline">← {context.queue.name}</Link></p>
      <PageHeader title={`Review · ${context.queue.name}`} description={`One item at a time. Your claim holds an item for ${context.queue.lockMinutes} minutes.`} />
      <ReviewScreen slug={slug} context={context} />
    </>
  );
}
