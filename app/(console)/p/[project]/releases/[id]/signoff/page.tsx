import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { getRelease } from "@/lib/releases/service";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { shortHash } from "@/components/releases/format";
import { SignoffForm } from "@/components/releases/signoff-form";
import { ReleaseStateBadge } from "@/components/releases/state-badge";
import { loadUatComparison } from "@/components/releases/uat-scenarios";

export async function generateMetadata({ params }: { params: Promise<{ project: string; id: string }> }): Promise<Metadata> {
  return { title: `UAT sign-off ${(await params).id}` };
}

export default async function SignoffPage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project: slug, id } = await params;
  const { principal } = await requirePermission(slug, "releases:signoff");
  const release = await orNotFound(getRelease(principal, id));
  const uat = await loadUatComparison(principal, release);
  const mine = principal.kind === "user" ? release.approvals.find((a) => a.kind === "signoff" && a.userId === principal.userId && a.current) : undefined;
  const productionLabel = uat.production ? `Production ${uat.production.release.version}` : "Production";
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/p/${slug}/releases/${release.id}`} className="text-zinc-500 hover:underline">← Release {release.version}</Link></p>
      <PageHeader
        title={`UAT sign-off · ${release.version}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ReleaseStateBadge state={release.state} />
            <span>Read each scenario&apos;s answers side by side, accept or flag them, then approve or reject the release. Your sign-off is bound to bundle {shortHash(release.contentHash)}.</span>
          </span>
        }
      />
      <dl className="mb-5 grid grid-cols-[9rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500">UAT dataset</dt><dd>{uat.dataset ?? "none (tag a dataset “uat”)"}</dd>
        <dt className="text-zinc-500">Candidate run</dt>
        <dd>{uat.candidateRun ? <Link className="hover:underline" href={`/p/${slug}/evals/${uat.candidateRun.id}`} dir="auto">{uat.candidateRun.name}</Link> : "no completed eval run of this release on the UAT dataset"}</dd>
        <dt className="text-zinc-500">Production</dt>
        <dd>
          {uat.production ? (
            <>
              <Link className="hover:underline" href={`/p/${slug}/releases/${uat.production.release.id}`}>{uat.production.release.version}</Link>
              {uat.production.run ? <> · <Link className="hover:underline" href={`/p/${slug}/evals/${uat.production.run.id}`} dir="auto">{uat.production.run.name}</Link></> : " · no completed eval run on the UAT dataset"}
            </>
          ) : "no release in production yet"}
        </dd>
      </dl>
      {mine ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-300">
          You {mine.decision === "approve" ? "signed off" : "rejected"} this bundle on {mine.createdAt.slice(0, 10)}.
        </p>
      ) : null}
      {release.state !== "awaiting_signoff" ? (
        <EmptyState title="Not awaiting sign-off">This release is {release.state.replace("_", " ")}; UAT sign-off happens once it has passed review.</EmptyState>
      ) : !uat.scenarios.length ? (
        <EmptyState title="No UAT scenarios">Add a dataset tagged “uat” with the scenarios business approvers check, and run an eval of this release on it.</EmptyState>
      ) : mine ? null : (
        <SignoffForm slug={slug} releaseId={release.id} version={release.version} scenarios={uat.scenarios} productionLabel={productionLabel} />
      )}
    </>
  );
}
