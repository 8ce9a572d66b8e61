import type { TModelVersion } from "@/lib/registry/models/schemas";
import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import { EditPricesDialog } from "./edit-prices-dialog";

const usd = (n: number | null) => (n === null ? "—" : `$${n.toLocaleString("en-US", { maximumFractionDigits: 4 })}`);

export function ModelVersionsTable({ slug, models, canWrite }: { slug: string; models: TModelVersion[]; canWrite: boolean }) {
  if (!models.length) return <EmptyState title="No model versions">Register a pinned model on one of the connections above.</EmptyState>;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className={tableClass} aria-label="Model versions">
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th className={th}>Model</th><th className={th}>Connection</th><th className={`${th} text-right`}>In / Out / Cached per 1M</th>
            <th className={th}>Price as of</th><th className={`${th} text-right`}>Context / Max out</th><th className={th}>Capabilities</th>
            <th className={th}>Region</th>{canWrite ? <th className={th}><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.id} data-testid={`model-${m.providerModelId}`}>
              <td className={td}>
                <div className="font-medium" dir="auto">{m.displayName}</div>
                <code className="text-xs text-zinc-500">{m.providerModelId}</code>
                <div className="mt-1 flex gap-1">
                  {m.floating ? <Badge tone="red">floating alias</Badge> : null}
                  {m.deprecatesAt ? <Badge tone={m.deprecatesAt <= today ? "red" : "amber"}>deprecates {m.deprecatesAt}</Badge> : null}
                </div>
              </td>
              <td className={`${td} text-xs`}>{m.connectionName} <span className="text-zinc-500">({m.providerKind})</span></td>
              <td className={`${td} text-right tabular-nums text-xs`}>{usd(m.inputPricePerMTok)} / {usd(m.outputPricePerMTok)} / {usd(m.cachedPricePerMTok)}</td>
              <td className={`${td} tabular-nums text-xs text-zinc-500`}>{m.priceAsOf}</td>
              <td className={`${td} text-right tabular-nums text-xs`}>{m.contextWindow.toLocaleString("en-US")} / {m.maxOutputTokens.toLocaleString("en-US")}</td>
              <td className={td}><div className="flex flex-wrap gap-1">{m.capabilities.map((c) => <Badge key={c}>{c}</Badge>)}</div></td>
              <td className={`${td} text-xs`}>{m.region ?? "—"}</td>
              {canWrite ? <td className={`${td} text-right`}><EditPricesDialog slug={slug} model={m} /></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
