import { Check, X } from "lucide-react";
import { EmptyState, tableClass, td, th } from "@/components/ui/page";
import type { GateResult } from "@/lib/releases/types";

const show = (v: string | number | null) => (v === null ? "—" : typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(3).replace(/0+$/, "")) : v);

/** The gate engine's result as a checklist: each check passed or failed, actual vs required, and why. */
export function GateChecklist({ gate, label = "Gate checks" }: { gate: GateResult; label?: string }) {
  if (!gate.checks.length) return <EmptyState title="No checks">The project's gate policy checks nothing for this step.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} aria-label={label}>
        <thead>
          <tr>
            <th className={th}>Check</th>
            <th className={th}>Result</th>
            <th className={`${th} text-right`}>Actual</th>
            <th className={`${th} text-right`}>Required</th>
            <th className={th}>Reason</th>
          </tr>
        </thead>
        <tbody>
          {gate.checks.map((c, i) => (
            <tr key={`${c.id}-${i}`} data-testid={`gate-${c.id}`} data-passed={c.passed}>
              <td className={td}>{c.label}</td>
              <td className={td}>
                {c.passed
                  ? <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400"><Check className="size-4" aria-hidden />passed</span>
                  : <span className="inline-flex items-center gap-1 text-red-700 dark:text-red-400"><X className="size-4" aria-hidden />failed</span>}
              </td>
              <td className={`${td} text-right tabular-nums`}>{show(c.actual)}</td>
              <td className={`${td} text-right tabular-nums text-zinc-500`}>{show(c.required)}</td>
              <td className={`${td} text-zinc-600 dark:text-zinc-400`} dir="auto">{c.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GateVerdict({ gate }: { gate: GateResult }) {
  const failed = gate.checks.filter((c) => !c.passed).length;
  return (
    <span data-testid="gate-verdict" className={gate.passed ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
      {gate.passed ? "Gate passes" : `Gate fails: ${failed} of ${gate.checks.length} checks`}
      {gate.policyVersion !== null ? <span className="text-zinc-500"> · policy v{gate.policyVersion}</span> : <span className="text-zinc-500"> · no gate policy</span>}
    </span>
  );
}
