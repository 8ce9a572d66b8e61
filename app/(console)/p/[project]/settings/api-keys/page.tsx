import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/console";
import { can } from "@/lib/authz/principal";
import { listApiKeys } from "@/lib/apikeys/service";
import { API_KEY_SCOPES } from "@/lib/authz/permissions";
import { ApiKeysTable } from "@/components/settings/api-keys-table";
import { CreateApiKeyDialog } from "@/components/settings/create-api-key-dialog";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { principal } = await requirePermission(slug, "apikeys:read");
  const keys = await listApiKeys(principal);
  const canManage = can(principal, "apikeys:write");
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <p className="max-w-2xl text-sm text-zinc-500">
          Applications call the API with <code className="text-xs">Authorization: Bearer &lt;key&gt;</code>. A key belongs to this
          project and can do only what its scopes allow. The full key is shown once, when it is created.
        </p>
        {canManage ? <CreateApiKeyDialog slug={slug} scopes={[...API_KEY_SCOPES]} /> : null}
      </div>
      <ApiKeysTable slug={slug} keys={keys} canManage={canManage} />
    </div>
  );
}
