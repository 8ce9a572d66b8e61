"use client";

import type { TApiKey } from "@/lib/apikeys/schemas";
import { Button } from "@/components/ui/button";
import { useToastAction } from "@/components/ui/use-action-form";
import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import { revokeApiKeyAction } from "@/app/(console)/p/[project]/settings/api-keys/actions";

const TONE = { active: "green", expired: "amber", revoked: "red" } as const;
const when = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) : "—");

export function ApiKeysTable({ slug, keys, canManage }: { slug: string; keys: TApiKey[]; canManage: boolean }) {
  const { pending, run } = useToastAction();
  if (!keys.length) return <EmptyState title="No API keys yet">Create one to let an application call the API.</EmptyState>;

  const revoke = (k: TApiKey) => {
    if (!window.confirm(`Revoke “${k.name}” (${k.prefix})? Applications using it stop working at once.`)) return;
    run(() => revokeApiKeyAction(slug, { id: k.id }), () => `${k.prefix} revoked`);
  };

  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={tableClass} aria-label="API keys" aria-busy={pending}>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th className={th}>Name</th>
            <th className={th}>Key</th>
            <th className={th}>Scopes</th>
            <th className={th}>Status</th>
            <th className={th}>Last used (UTC)</th>
            <th className={th}>Expires (UTC)</th>
            <th className={th}>Created by</th>
            {canManage ? <th className={th}><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} data-testid={`apikey-${k.prefix}`}>
              <td className={td} dir="auto">{k.name}</td>
              <td className={td}><code className="text-xs">{k.prefix}_…</code></td>
              <td className={td}>
                <div className="flex max-w-xs flex-wrap gap-1">{k.scopes.map((s) => <Badge key={s}>{s}</Badge>)}</div>
              </td>
              <td className={td}><Badge tone={TONE[k.status]}>{k.status}</Badge></td>
              <td className={`${td} tabular-nums text-zinc-500`}>{when(k.lastUsedAt)}</td>
              <td className={`${td} tabular-nums text-zinc-500`}>{when(k.expiresAt)}</td>
              <td className={`${td} text-zinc-500`} dir="auto">{k.createdBy ?? "CLI"}</td>
              {canManage ? (
                <td className={`${td} text-right`}>
                  {k.status === "active" ? (
                    <Button variant="ghost" size="sm" disabled={pending} onClick={() => revoke(k)} aria-label={`Revoke ${k.name}`}>Revoke</Button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
