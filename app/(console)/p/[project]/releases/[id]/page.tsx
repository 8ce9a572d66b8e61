import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { defaultGateAction, estimateReleaseCost, getRelease, releaseGate } from "@/lib/releases/service";
import { AppError } from "@/lib/errors";
import { ReleaseCostEstimate } from "@/components/releases/cost-estimate";
import { allowedActions } from "@/lib/releases/state-machine";
import { Card, PageHeader } from "@/components/ui/page";
import { orNotFound } from "@/components/registry/prompts/or-not-found";
import { BundleCard } from "@/components/releases/bundle-card";
import { formatWhen } from "@/components/releases/format";
import { MarkdownText } from "@/components/releases/markdown-text";
import { GateChecklist, GateVerdict } from "@/components/releases/gate-checklist";
import { ApprovalsList, TransitionHistory } from "@/components/releases/history";
import { ReleaseActions, type ReleaseActionsProps } from "@/components/releases/release-actions";
import { ReleaseStateBadge } from "@/components/releases/state-badge";

export async function generateMetadata({ params }: { params: Promise<{ project: string; id: string }> }): Promise<Metadata> {
  return { title: `Release ${(await params).id}` };
}

export default async function ReleasePage({ params, searchParams }: { params: Promise<{ project: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { project: slug, id } = await params;
  const wanted = Number((await searchParams).requestsPerDay);
  const requestsPerDay = Number.isInteger(wanted) && wanted >= 1 && wanted <= 1_000_000_000 ? wanted : 10_000;
  const { principal } = await requirePermission(slug, "registry:read");
  const release = await orNotFound(getRelease(principal, id));
  // the whole policy as promotion applies it (what is proven so far and what is still missing), and
  // the verdict for the release's next step
  const [gate, next] = await Promise.all([releaseGate(principal, id, "promote"), releaseGate(principal, id)]);
  const estimate = await estimateReleaseCost(principal, id, requestsPerDay).then(
    (value) => ({ value, error: null }),
    (err: unknown) => {
      if (err instanceof AppError && err.status < 500) return { value: null, error: err.message };
      throw err;
    },
  );
  const nextAction = defaultGateAction(release.state);
  const allowed = new Set(allowedActions(release.state));
  const mine = (kind: "review" | "signoff" | "approval") => principal.kind === "user" && release.approvals.some((a) => a.kind === kind && a.userId === principal.userId && a.current);
  const offer: ReleaseActionsProps["offer"] = {
    submit: allowed.has("submit") && can(principal, "releases:write"),
    requestReview: allowed.has("request_review") && can(principal, "releases:write"),
    review: release.state === "in_review" && can(principal, "releases:review") && !mine("review"),
    reviewPassed: allowed.has("review_passed") && can(principal, "releases:write"),
    signoff: release.state === "awaiting_signoff" && can(principal, "releases:signoff") && !mine("signoff"),
    approve: release.state === "awaiting_signoff" && can(principal, "releases:approve") && !mine("approval"),
    // reviewers and approvers say no through their review or sign-off; the reject button is the team's
    reject: allowed.has("reject") && can(principal, "releases:write"),
    deploy: ["approved", "canary", "production"].includes(release.state) && can(principal, "releases:deploy"),
  };
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/p/${slug}/releases`} className="text-zinc-500 hover:underline">← Releases</Link></p>
      <PageHeader
        title={`Release ${release.version}`}
        description={<span className="flex flex-wrap items-center gap-2"><ReleaseStateBadge state={release.state} /><span dir="auto">by {release.authorLabel}</span><span>· created {formatWhen(release.createdAt)}</span>{release.submittedAt ? <span>· submitted {formatWhen(release.submittedAt)}</span> : null}</span>}
      />
      <div className="mb-6"><ReleaseActions slug={slug} releaseId={release.id} state={release.state} offer={offer} /></div>
      {release.notes ? <div className="mb-6 max-w-3xl" data-testid="release-notes"><MarkdownText source={release.notes} /></div> : null}
      <div className="space-y-6">
        <BundleCard slug={slug} release={release} />
        <Card title="Gate" actions={<GateVerdict gate={gate} />}>
          {allowed.has(nextAction) && nextAction !== "promote" ? (
            <p className="mb-3 text-sm" data-testid="next-step-gate">
              Next step, <span className="font-medium">{nextAction.replace("_", " ")}</span>:{" "}
              {next.passed ? <span className="text-emerald-700 dark:text-emerald-400">the gate lets it through</span> : <span className="text-red-700 dark:text-red-400">{next.checks.filter((c) => !c.passed).length} check(s) still fail</span>}
              <span className="text-zinc-500"> · below, every check as promotion to production applies them</span>
            </p>
          ) : null}
          <GateChecklist gate={gate} />
        </Card>
        <Card title="Cost before launch">
          <ReleaseCostEstimate estimate={estimate.value} error={estimate.error} requestsPerDay={requestsPerDay} />
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <ApprovalsList approvals={release.approvals} />
          <TransitionHistory transitions={release.transitions} />
        </div>
      </div>
    </>
  );
}
