import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { ZListReleasesQuery } from "@/lib/releases/schemas";
import { listReleases } from "@/lib/releases/service";
import { RELEASE_STATES } from "@/lib/releases/types";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page";
import { NewReleaseDialog } from "@/components/releases/new-release-dialog";
import { loadNewReleaseChoices } from "@/components/releases/new-release-choices";
import { ReleasesTable } from "@/components/releases/releases-table";
import { STATE_LABEL } from "@/components/releases/state-badge";
import { waitingFor } from "@/components/releases/waiting-for";

export const metadata: Metadata = { title: "Releases" };

export default async function ReleasesPage({ params, searchParams }: { params: Promise<{ project: string }>; searchParams: Promise<{ state?: string }> }) {
  const { project: slug } = await params;
  const { state } = await searchParams;
  const { principal } = await requirePermission(slug, "registry:read");
  const parsed = ZListReleasesQuery.safeParse({ state: state || undefined, limit: 100 });
  const filter = parsed.success ? parsed.data : { state: undefined, limit: 100 };
  const [releases, waiting, choices] = await Promise.all([
    listReleases(principal, filter),
    waitingFor(principal),
    can(principal, "releases:write") ? loadNewReleaseChoices(principal) : null,
  ]);
  const current = filter.state?.join(",") ?? "";
  return (
    <>
      <PageHeader
        title="Releases"
        description="A release pins prompt versions, a model version with fallbacks and a retrieval config version, and moves through evaluation, review, UAT sign-off and approval before it is deployed."
        actions={
          <>
            <Link href={`/p/${slug}/releases/policy`} className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">Gate policy</Link>
            {choices ? <NewReleaseDialog slug={slug} choices={choices} defaultPrompt="customer-support" /> : null}
          </>
        }
      />
      {waiting.length ? (
        <div className="mb-6">
          <Card title="Waiting for you">
            <ul aria-label="Waiting for you" className="space-y-1.5 text-sm">
              {waiting.map((w) => (
                <li key={w.release.id} className="flex items-center gap-2">
                  <Link href={w.href(slug)} className="font-medium hover:underline">{w.release.version}</Link>
                  <span className="text-zinc-500">{w.what}</span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      ) : null}
      <form method="get" role="search" aria-label="Filter releases" className="mb-4 flex items-end gap-3">
        <div className="w-64">
          <Field label="State" htmlFor="releases-state">
            <Select id="releases-state" name="state" defaultValue={current}>
              <option value="">All states</option>
              {RELEASE_STATES.map((s) => <option key={s} value={s}>{STATE_LABEL[s]}</option>)}
            </Select>
          </Field>
        </div>
        <Button type="submit" variant="secondary">Filter</Button>
        {current ? <Button asChild variant="ghost"><Link href={`/p/${slug}/releases`}>Clear</Link></Button> : null}
      </form>
      {!parsed.success ? <p role="alert" className="mb-3 text-sm text-red-600">{parsed.error.issues[0]?.message}; showing all releases.</p> : null}
      <ReleasesTable slug={slug} releases={releases} empty={current ? "No releases in this state" : undefined} />
    </>
  );
}
