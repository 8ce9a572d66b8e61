import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { PRODUCTION, type TDeployment } from "@/lib/environments/schemas";
import { listDeployments, listEnvironments } from "@/lib/environments/service";
import { listReleases } from "@/lib/releases/service";
import { Card, PageHeader } from "@/components/ui/page";
import { DeploymentHistory } from "@/components/environments/deployment-history";
import { EnvironmentActions } from "@/components/environments/environment-actions";
import { ReleaseStateBadge } from "@/components/releases/state-badge";
import type { ReleaseState } from "@/lib/releases/types";

export const metadata: Metadata = { title: "Environments" };

const HISTORY = 50;

function Pointer({ slug, label, release, extra }: { slug: string; label: string; release: { id: string; version: string; state: string } | null; extra?: string }) {
  return (
    <div className="min-w-48">
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</p>
      {release ? (
        <p className="mt-1 flex items-center gap-2" data-testid={`pointer-${label.toLowerCase()}`}>
          <Link href={`/p/${slug}/releases/${release.id}`} className="text-base font-semibold hover:underline">{release.version}</Link>
          <ReleaseStateBadge state={release.state as ReleaseState} />
          {extra ? <span className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400">{extra}</span> : null}
        </p>
      ) : <p className="mt-1 text-sm text-zinc-500" data-testid={`pointer-${label.toLowerCase()}`}>none</p>}
    </div>
  );
}

/** Whether the move that made the current stable release live replaced another one (what a rollback returns to). */
function hasPrevious(history: TDeployment[], stableId: string | undefined): boolean {
  const arrival = history.find((d) => d.stableAfter === stableId && d.stableBefore !== stableId);
  // history is capped: when the arrival is older than the page shows, let the server decide
  return arrival ? arrival.stableBefore !== null : history.length >= HISTORY;
}

export default async function EnvironmentsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const [environments, releases] = await Promise.all([listEnvironments(principal), listReleases(principal, { limit: 200 })]);
  const histories = await Promise.all(environments.map((e) => listDeployments(principal, e.name, HISTORY)));
  const versions = Object.fromEntries(releases.map((r) => [r.id, r.version]));
  const canDeploy = can(principal, "releases:deploy");
  const brief = (states: string[]) => releases.filter((r) => states.includes(r.state)).map((r) => ({ id: r.id, version: r.version, state: r.state }));
  return (
    <>
      <PageHeader
        title="Environments"
        description="Where releases run. Each environment points at a stable release; production can also run a canary for a share of request keys. Every pointer move is kept below with who, why and the gate result."
      />
      <div className="space-y-6">
        {environments.map((e, i) => {
          const production = e.name === PRODUCTION;
          return (
            <section key={e.id} aria-label={`Environment ${e.name}`} data-testid={`env-${e.name}`}>
              <Card title={e.name} actions={<span className="text-xs text-zinc-500">epoch {e.epoch}</span>}>
                <div className="flex flex-wrap items-start justify-between gap-4">
                  <div className="flex flex-wrap gap-8">
                    <Pointer slug={slug} label="Stable" release={e.stable} extra={e.canary ? `${100 - e.canaryPercent}%` : undefined} />
                    {production ? <Pointer slug={slug} label="Canary" release={e.canary} extra={e.canary ? `${e.canaryPercent}%` : undefined} /> : null}
                  </div>
                  {canDeploy ? (
                    <EnvironmentActions slug={slug} env={e.name} production={production} hasStable={!!e.stable} hasCanary={!!e.canary} canRollBack={hasPrevious(histories[i], e.stable?.id)}
                      choices={{ promote: brief(production ? ["approved"] : ["approved", "canary", "production"]), canary: brief(["approved"]) }} />
                  ) : null}
                </div>
                <h3 className="mb-2 mt-5 text-xs font-medium uppercase tracking-wide text-zinc-500">History</h3>
                <DeploymentHistory env={e.name} deployments={histories[i]} versions={versions} />
              </Card>
            </section>
          );
        })}
      </div>
    </>
  );
}
