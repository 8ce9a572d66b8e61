import { Badge, Card, EmptyState, tableClass, td, th } from "@/components/ui/page";
import type { DiffPart, PromptDiff } from "@/lib/registry/prompts/diff";

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v, null, 1));

/** One side of a word diff: the old side marks deletions, the new side insertions. */
function Side({ parts, side }: { parts: DiffPart[]; side: "old" | "new" }) {
  return (
    <pre className="min-h-10 whitespace-pre-wrap break-words px-3 py-2 font-mono text-sm" dir="auto">
      {parts.map((p, i) => {
        if (side === "old" && p.added) return null;
        if (side === "new" && p.removed) return null;
        if (p.removed) return <del key={i} className="rounded-sm bg-red-100 text-red-900 decoration-red-500 dark:bg-red-950 dark:text-red-200">{p.value}</del>;
        if (p.added) return <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200">{p.value}</ins>;
        return <span key={i}>{p.value}</span>;
      })}
    </pre>
  );
}

export function PromptDiffView({ diff, a, b, modelName }: { diff: PromptDiff; a: number; b: number; modelName: (id: unknown) => string }) {
  if (diff.identical) return <EmptyState title="No differences">Versions {a} and {b} have the same content.</EmptyState>;
  return (
    <div className="space-y-5">
      <Card title="Messages">
        <div className="space-y-3">
          <div className="grid grid-cols-2 gap-3 text-xs font-medium uppercase tracking-wide text-zinc-500">
            <span>Version {a}</span>
            <span>Version {b}</span>
          </div>
          {diff.messages.map((m) => (
            <div key={m.index} className="grid grid-cols-2 gap-3" data-testid={`diff-message-${m.index}`}>
              {(["old", "new"] as const).map((side) => {
                const role = side === "old" ? m.roleBefore : m.roleAfter;
                const roleChanged = m.roleBefore !== null && m.roleAfter !== null && m.roleBefore !== m.roleAfter;
                return (
                  <div key={side} className="rounded-md border border-zinc-200 dark:border-zinc-800">
                    <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-1.5 text-xs dark:border-zinc-800">
                      <span className="text-zinc-500">#{m.index + 1}</span>
                      {role ? <Badge tone={roleChanged ? "amber" : "neutral"}>{role}</Badge> : <span className="text-zinc-500">{side === "old" ? "(not present)" : "(removed)"}</span>}
                      {roleChanged && side === "new" ? <span className="text-amber-700 dark:text-amber-400">role changed from {m.roleBefore}</span> : null}
                      {m.status === "unchanged" ? <span className="ml-auto text-zinc-400">unchanged</span> : null}
                      {m.whitespaceOnly && side === "new" ? <span className="ml-auto text-zinc-500">whitespace only</span> : null}
                    </div>
                    {role ? <Side parts={m.parts} side={side} /> : null}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </Card>
      <Card title="Model, parameters and variables">
        {diff.fields.length ? (
          <table className={tableClass} aria-label="Changed fields">
            <thead>
              <tr><th className={th}>Field</th><th className={th}>Version {a}</th><th className={th}>Version {b}</th></tr>
            </thead>
            <tbody>
              {diff.fields.map((f) => (
                <tr key={f.field}>
                  <td className={`${td} font-mono text-xs`}>{f.field}</td>
                  <td className={td}><pre className="whitespace-pre-wrap font-mono text-xs text-red-800 dark:text-red-300" dir="auto">{f.field === "model" ? modelName(f.before) : show(f.before)}</pre></td>
                  <td className={td}><pre className="whitespace-pre-wrap font-mono text-xs text-emerald-800 dark:text-emerald-300" dir="auto">{f.field === "model" ? modelName(f.after) : show(f.after)}</pre></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-zinc-500">No changes outside the messages.</p>
        )}
      </Card>
    </div>
  );
}
