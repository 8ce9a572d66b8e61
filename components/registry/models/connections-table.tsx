"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import type { TConnection } from "@/lib/registry/connections/schemas";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import { testConnectionAction } from "@/app/(console)/p/[project]/models/actions";
import { OFFLINE_LABEL } from "./connection-dialog";
import { EditConnectionDialog } from "./edit-connection-dialog";

export function ConnectionsTable({ slug, connections, canWrite }: { slug: string; connections: TConnection[]; canWrite: boolean }) {
  const [pending, start] = useTransition();
  if (!connections.length) return <EmptyState title="No provider connections">Add one to register models: an OpenAI-compatible endpoint, Anthropic, or the offline demo provider.</EmptyState>;

  const test = (c: TConnection) =>
    start(async () => {
      const res = await testConnectionAction(slug, { id: c.id });
      if (!res.ok) toast.error(res.error);
      else if (res.data.ok) toast.success(`${c.name}: ${res.data.message} (${res.data.latencyMs} ms)`);
      else toast.error(`${c.name}: ${res.data.message}`);
    });

  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={tableClass} aria-label="Provider connections" aria-busy={pending}>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th className={th}>Name</th><th className={th}>Kind</th><th className={th}>Base URL</th><th className={th}>Secret</th>
            <th className={th}>Limits</th><th className={th}>Last test</th>{canWrite ? <th className={th}><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {connections.map((c) => (
            <tr key={c.id} data-testid={`connection-${c.name}`}>
              <td className={`${td} font-medium`} dir="auto">{c.name}</td>
              <td className={td}>
                <Badge tone={c.kind === "offline" ? "amber" : "neutral"}>{c.kind}</Badge>
                {c.kind === "offline" ? <div className="mt-1 text-xs text-amber-700 dark:text-amber-300">{OFFLINE_LABEL}</div> : null}
              </td>
              <td className={`${td} font-mono text-xs`}>{c.baseUrl ?? "—"}</td>
              <td className={`${td} text-xs`}>{c.hasSecret ? <code>••••{c.secretHint ?? ""}</code> : <span className="text-zinc-500">none</span>}</td>
              <td className={`${td} text-xs text-zinc-500`}>{c.timeoutMs / 1000}s · {c.maxConcurrency} at once</td>
              <td className={`${td} text-xs`}>
                {c.lastTestedAt ? (
                  <span title={c.lastTestedAt}>
                    <Badge tone={c.lastTestOk ? "green" : "red"}>{c.lastTestOk ? "ok" : "failed"}</Badge>{" "}
                    <span className="text-zinc-500" dir="auto">{c.lastTestMessage}</span>
                  </span>
                ) : <span className="text-zinc-500">never</span>}
              </td>
              {canWrite ? (
                <td className={`${td} whitespace-nowrap text-right`}>
                  <Button variant="secondary" size="sm" disabled={pending} onClick={() => test(c)} aria-label={`Test ${c.name}`}>Test</Button>{" "}
                  {c.kind !== "offline" ? <EditConnectionDialog slug={slug} connection={c} /> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
