import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/console";
import { auditFacets, listAuditEvents } from "@/lib/audit/service";
import { ZAuditQuery } from "@/lib/audit/schemas";
import { PageHeader } from "@/components/ui/page";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditLog } from "@/components/audit/audit-log";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "audit:read");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== ""));
  const parsed = ZAuditQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : ZAuditQuery.parse({});
  const [page, facets] = await Promise.all([listAuditEvents(principal, query), auditFacets(principal)]);
  // "load more" repeats only the filters that were applied to the first page
  const filters = parsed.success ? (Object.fromEntries(Object.entries(raw).filter(([k]) => k !== "cursor")) as Record<string, string>) : {};
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change in this project: who, what, before, after, when. Events are append-only and hash-chained; the worker verifies the chain on a schedule."
      />
      <AuditFilters facets={facets} values={filters} />
      {!parsed.success ? <p role="alert" className="mb-3 text-sm text-red-600">Some filters were invalid and were ignored.</p> : null}
      <AuditLog slug={slug} filters={filters} firstPage={page} />
    </>
  );
}
