import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { ZListItemsQuery } from "@/lib/datasets/schemas";
import { getDataset, listDatasetItems } from "@/lib/datasets/service";
import { Card, PageHeader } from "@/components/ui/page";
import { ItemsTable, VersionsTable } from "@/components/datasets/dataset-tables";
import { ImportForm } from "@/components/datasets/import-form";
import { orNotFound } from "@/components/registry/prompts/or-not-found";

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  return { title: `Dataset ${(await params).name}` };
}

const PAGE_SIZE = 50;

export default async function DatasetPage({ params, searchParams }: {
  params: Promise<{ project: string; name: string }>;
  searchParams: Promise<{ version?: string; cursor?: string }>;
}) {
  const { project: slug, name } = await params;
  const sp = await searchParams;
  const { principal } = await requirePermission(slug, "registry:read");
  const dataset = await orNotFound(getDataset(principal, decodeURIComponent(name)));
  const requested = Number(sp.version);
  const selected = dataset.versions.find((v) => v.version === requested)?.version ?? dataset.latestVersion;
  const query = ZListItemsQuery.safeParse({ cursor: sp.cursor, limit: PAGE_SIZE });
  const page = selected ? await listDatasetItems(principal, dataset.name, selected, query.success ? query.data : { limit: PAGE_SIZE }) : null;
  const here = `/p/${slug}/datasets/${dataset.name}`;
  return (
    <>
      <PageHeader
        title={dataset.name}
        description={<><Link href={`/p/${slug}/datasets`} className="hover:underline">← Datasets</Link>{dataset.description ? <span dir="auto"> · {dataset.description}</span> : null}</>}
      />
      <section aria-labelledby="versions-heading" className="mb-8">
        <h2 id="versions-heading" className="mb-2 text-sm font-semibold">Versions</h2>
        <VersionsTable slug={slug} name={dataset.name} versions={dataset.versions} selected={selected} />
      </section>
      {page ? (
        <section aria-labelledby="items-heading" className="mb-8">
          <h2 id="items-heading" className="mb-2 text-sm font-semibold">Items of version {page.version}</h2>
          <ItemsTable page={page} />
          <nav aria-label="Item pages" className="mt-2 flex gap-3 text-sm">
            {sp.cursor ? <Link href={`${here}?version=${page.version}`} className="text-blue-600 hover:underline">First page</Link> : null}
            {page.nextCursor !== null ? <Link href={`${here}?version=${page.version}&cursor=${page.nextCursor}`} className="text-blue-600 hover:underline">Next page</Link> : null}
          </nav>
        </section>
      ) : null}
      {can(principal, "evals:write") ? (
        <Card title="Import items">
          <ImportForm slug={slug} name={dataset.name} />
        </Card>
      ) : null}
    </>
  );
}
