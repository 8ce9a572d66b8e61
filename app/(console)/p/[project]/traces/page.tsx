import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { issuesFromZod } from "@/lib/errors";
import { ZTraceListQuery } from "@/lib/traces/list-schemas";
import { listTraces } from "@/lib/traces/query";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page";
import { TraceFilters } from "@/components/traces/trace-filters";
import { TracesTable } from "@/components/traces/traces-table";
import { filtersFromSearchParams, listHref, type SearchParams } from "@/components/traces/list-url";

export const metadata: Metadata = { title: "Traces" };

export default async function TracesPage({ params, searchParams }: { params: Promise<{ project: string }>; searchParams: Promise<SearchParams> }) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "traces:read");
  const filters = filtersFromSearchParams(await searchParams);
  const parsed = ZTraceListQuery.safeParse(filters);
  const errors = parsed.success ? {} : Object.fromEntries(issuesFromZod(parsed.error).map((i) => [i.field, i.message]));
  const page = parsed.success ? await listTraces(principal, parsed.data) : null;
  return (
    <>
      <PageHeader
        title="Traces"
        description="Every request your LLM features served, with per-step spans. Text is shown as stored: personal data scrubbed, only its types kept."
      />
      <TraceFilters key={JSON.stringify(filters)} slug={slug} values={filters} errors={errors} />
      {page ? (
        <>
          <TracesTable slug={slug} traces={page.traces} />
          <nav aria-label="Pages" className="mt-3 flex items-center gap-2 text-xs text-zinc-500">
            {filters.cursor ? <Button asChild size="sm" variant="secondary"><Link href={listHref(slug, filters, { cursor: undefined })}>↑ Newest</Link></Button> : null}
            {page.nextCursor ? <Button asChild size="sm" variant="secondary"><Link href={listHref(slug, filters, { cursor: page.nextCursor })}>Older →</Link></Button> : null}
            <span>{page.traces.length} shown{page.nextCursor ? ", more older" : ""} · newest first</span>
          </nav>
        </>
      ) : (
        <p role="alert" className="text-sm text-red-600">Fix the highlighted filters to see traces.</p>
      )}
    </>
  );
}
