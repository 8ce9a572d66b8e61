import Link from "next/link";
import type { Metadata } from "next";
import { consoleContext } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { listMembers } from "@/lib/members/service";
import { listApiKeys } from "@/lib/apikeys/service";
import { lastAuditVerification, listAuditEvents } from "@/lib/audit/service";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal, project } = await consoleContext(slug);
  const [members, keys, recent, verification] = await Promise.all([
    listMembers(principal),
    can(principal, "apikeys:read") ? listApiKeys(principal) : null,
    can(principal, "audit:read") ? listAuditEvents(principal, { limit: 8 }) : null,
    can(principal, "audit:read") ? lastAuditVerification(principal) : null,
  ]);
  const byRole = Object.entries(
    members.reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.role]: (acc[m.role] ?? 0) + 1 }), {}),
  );
  return (
    <>
      <PageHeader title={project.name} description={`Project “${project.slug}” in ${project.organization.name}.`} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card title="Members" actions={<Link className="text-xs underline" href={`/p/${slug}/settings/members`}>Manage</Link>}>
          <p className="text-2xl font-semibold tabular-nums">{members.length}</p>
          <p className="mt-1 text-xs text-zinc-500">{byRole.map(([r, n]) => `${n} ${r.toLowerCase()}`).join(" · ")}</p>
        </Card>
        {keys ? (
          <Card title="API keys" actions={<Link className="text-xs underline" href={`/p/${slug}/settings/api-keys`}>Manage</Link>}>
            <p className="text-2xl font-semibold tabular-nums">{keys.filter((k) => k.status === "active").length}</p>
            <p className="mt-1 text-xs text-zinc-500">active, {keys.length} in all</p>
          </Card>
        ) : null}
        {recent ? (
          <Card title="Audit chain">
            {verification ? (
              <p className="flex items-center gap-2">
                <Badge tone={verification.ok ? "green" : "red"}>{verification.ok ? "intact" : "broken"}</Badge>
                <span className="text-xs text-zinc-500">
                  {verification.checkedCount} events checked {verification.checkedAt.toISOString().replace("T", " ").slice(0, 16)} UTC
                  {verification.ok ? "" : ` — first broken link at #${verification.brokenSeq}`}
                </span>
              </p>
            ) : (
              <p className="text-xs text-zinc-500">Not verified yet: the worker verifies it on start and then on a schedule.</p>
            )}
          </Card>
        ) : null}
      </div>
      {recent ? (
        <div className="mt-6">
          <Card title="Recent activity" actions={<Link className="text-xs underline" href={`/p/${slug}/audit`}>All events</Link>}>
            <AuditTable events={recent.events} compact />
          </Card>
        </div>
      ) : null}
    </>
  );
}
