import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { listConnections } from "@/lib/registry/connections/service";
import { listModelVersions } from "@/lib/registry/models/service";
import { MODEL_PRESETS, PRICE_DATE } from "@/lib/registry/models/presets";
import { PageHeader } from "@/components/ui/page";
import { ConnectionsTable } from "@/components/registry/models/connections-table";
import { ConnectionDialog } from "@/components/registry/models/connection-dialog";
import { ModelVersionsTable } from "@/components/registry/models/model-versions-table";
import { ModelVersionDialog } from "@/components/registry/models/model-version-dialog";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "registry:read");
  const [connections, models] = await Promise.all([listConnections(principal), listModelVersions(principal)]);
  const canWrite = can(principal, "registry:write");
  return (
    <>
      <PageHeader
        title="Models"
        description="Provider connections and the pinned model versions prompts and releases run on. A model is pinned to a dated provider id, never “latest”; its prices drive every cost figure."
      />
      <section aria-labelledby="connections-heading" className="mb-8">
        <div className="mb-2 flex items-center justify-between">
          <h2 id="connections-heading" className="text-sm font-semibold">Provider connections</h2>
          {canWrite ? <ConnectionDialog slug={slug} /> : null}
        </div>
        <ConnectionsTable slug={slug} connections={connections} canWrite={canWrite} />
      </section>
      <section aria-labelledby="models-heading">
        <div className="mb-2 flex items-center justify-between">
          <h2 id="models-heading" className="text-sm font-semibold">Model versions</h2>
          {canWrite && connections.length ? <ModelVersionDialog slug={slug} connections={connections} presets={MODEL_PRESETS} presetDate={PRICE_DATE} /> : null}
        </div>
        <ModelVersionsTable slug={slug} models={models} canWrite={canWrite} />
      </section>
    </>
  );
}
