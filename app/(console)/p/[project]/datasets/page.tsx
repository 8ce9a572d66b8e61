import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { listDatasets } from "@/lib/datasets/service";
import { PageHeader } from "@/components/ui/page";
import { CreateDatasetDialog } from "@/components/datasets/create-dataset-dialog";
import { DatasetsTable } from "@/components/datasets/dataset-tables";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const datasets = await listDatasets(principal);
  return (
    <>
      <PageHeader
        title="Datasets"
        description="Golden sets of real user tasks, in English, Arabic and more. Every change makes a new immutable version; an eval run pins one."
        actions={can(principal, "evals:write") ? <CreateDatasetDialog slug={slug} /> : null}
      />
      <DatasetsTable slug={slug} datasets={datasets} />
    </>
  );
}
