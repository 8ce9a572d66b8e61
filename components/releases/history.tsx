import { Badge, Card, EmptyState } from "@/components/ui/page";
import type { TReleaseDetail } from "@/lib/releases/schemas";
import { formatWhen, shortHash } from "./format";
import { GateChecklist, GateVerdict } from "./gate-checklist";
import { STATE_LABEL } from "./state-badge";

/** Every state change with who, when, why and the gate result it was allowed with. */
export function TransitionHistory({ transitions }: { transitions: TReleaseDetail["transitions"] }) {
  return (
    <Card title="History">
      {transitions.length ? (
        <ol aria-label="Transitions" className="space-y-3">
          {transitions.map((t) => (
            <li key={t.id} className="text-sm" data-testid="transition">
              <p>
                <span className="font-medium">{t.fromState ? `${STATE_LABEL[t.fromState]} → ` : ""}{STATE_LABEL[t.toState]}</span>
                <span className="text-zinc-500"> · <span dir="auto">{t.actorLabel}</span> · <time dateTime={t.createdAt}>{formatWhen(t.createdAt)}</time></span>
              </p>
              {t.reason ? <p className="text-zinc-600 dark:text-zinc-400" dir="auto">“{t.reason}”</p> : null}
              {t.gateResult ? (
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs"><GateVerdict gate={t.gateResult} /></summary>
                  <div className="mt-2"><GateChecklist gate={t.gateResult} label={`Gate result of ${STATE_LABEL[t.toState]}`} /></div>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      ) : <EmptyState title="No transitions yet">The release is a draft; submitting it freezes the bundle.</EmptyState>}
    </Card>
  );
}

const KIND = { review: "Review", signoff: "UAT sign-off", approval: "Final approval" } as const;

export function ApprovalsList({ approvals }: { approvals: TReleaseDetail["approvals"] }) {
  return (
    <Card title="Reviews, sign-offs and approvals">
      {approvals.length ? (
        <ul aria-label="Approvals" className="space-y-3">
          {approvals.map((a) => {
            const flagged = (a.scenarios ?? []).filter((s) => s.verdict === "flag");
            return (
              <li key={a.id} className="text-sm" data-testid={`approval-${a.kind}`}>
                <p className="flex flex-wrap items-center gap-1.5">
                  <span className="font-medium">{KIND[a.kind]}</span>
                  <Badge tone={a.decision === "approve" ? "green" : "red"}>{a.decision === "approve" ? "approved" : "rejected"}</Badge>
                  <span className="text-zinc-500"><span dir="auto">{a.userLabel}</span> · <time dateTime={a.createdAt}>{formatWhen(a.createdAt)}</time></span>
                  {a.current ? null : <Badge tone="amber" >for another bundle ({shortHash(a.contentHash)})</Badge>}
                </p>
                {a.comment ? <p className="text-zinc-600 dark:text-zinc-400" dir="auto">“{a.comment}”</p> : null}
                {a.scenarios?.length ? (
                  <p className="text-xs text-zinc-500">{a.scenarios.length - flagged.length} scenarios accepted, {flagged.length} flagged{flagged.length ? `: ${flagged.map((s) => s.itemKey).join(", ")}` : ""}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : <p className="text-sm text-zinc-500">None yet.</p>}
    </Card>
  );
}
