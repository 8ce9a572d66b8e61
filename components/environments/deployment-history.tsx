import { EmptyState, tableClass, td, th } from "@/components/ui/page";
import type { TDeployment } from "@/lib/environments/schemas";
import type { GateResult } from "@/lib/releases/types";
import { GateChecklist, GateVerdict } from "@/components/releases/gate-checklist";
import { formatWhen } from "@/components/releases/format";

const ACTION_LABEL: Record<TDeployment["action"], string> = {
  promote: "promote", canary_start: "canary start", canary_update: "canary share", graduate: "graduate", rollback: "rollback", canary_abort: "canary abort",
};

function isGate(v: unknown): v is GateResult {
  return typeof v === "object" && v !== null && Array.isArray((v as GateResult).checks) && typeof (v as GateResult).passed === "boolean";
}

/** What moved: the stable pointer and the canary pointer with its share, before → after. */
function Change({ d, version }: { d: TDeployment; version: (id: string | null) => string }) {
  const parts: string[] = [];
  if (d.stableBefore !== d.stableAfter) parts.push(`stable ${version(d.stableBefore)} → ${version(d.stableAfter)}`);
  if (d.canaryBefore !== d.canaryAfter || d.canaryPercentBefore !== d.canaryPercentAfter) {
    const side = (id: string | null, pct: number) => (id ? `${version(id)} at ${pct}%` : "none");
    parts.push(`canary ${side(d.canaryBefore, d.canaryPercentBefore)} → ${side(d.canaryAfter, d.canaryPercentAfter)}`);
  }
  return <>{parts.length ? parts.map((p) => <p key={p}>{p}</p>) : <span className="text-zinc-500">no change</span>}</>;
}

export function DeploymentHistory({ env, deployments, versions }: { env: string; deployments: TDeployment[]; versions: Record<string, string> }) {
  if (!deployments.length) return <EmptyState title="No deployments yet">Promote a release to give {env} its first stable release.</EmptyState>;
  const version = (id: string | null) => (id ? (versions[id] ?? id.slice(0, 8)) : "none");
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} aria-label={`Deployments of ${env}`}>
        <thead>
          <tr>
            <th className={th}>When</th>
            <th className={th}>Action</th>
            <th className={th}>What moved</th>
            <th className={th}>Who</th>
            <th className={th}>Reason</th>
            <th className={th}>Gate</th>
          </tr>
        </thead>
        <tbody>
          {deployments.map((d) => (
            <tr key={d.id} data-testid={`deployment-${d.action}`}>
              <td className={`${td} whitespace-nowrap tabular-nums text-zinc-500`}><time dateTime={d.createdAt}>{formatWhen(d.createdAt)}</time></td>
              <td className={`${td} whitespace-nowrap font-medium`}>{ACTION_LABEL[d.action]}</td>
              <td className={`${td} text-xs`}><Change d={d} version={version} /></td>
              <td className={td} dir="auto">{d.actorLabel}</td>
              <td className={`${td} max-w-64`} dir="auto">{d.reason ?? <span className="text-zinc-400">—</span>}</td>
              <td className={`${td} text-xs`}>
                {isGate(d.gateResult) ? (
                  <details>
                    <summary className="cursor-pointer"><GateVerdict gate={d.gateResult} /></summary>
                    <div className="mt-2 min-w-[36rem]"><GateChecklist gate={d.gateResult} label={`Gate result of this ${ACTION_LABEL[d.action]}`} /></div>
                  </details>
                ) : <span className="text-zinc-400">not gated</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
