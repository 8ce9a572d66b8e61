import type { TAgreement, TQueueProgress } from "@/lib/labelling/annotate-schemas";
import { Card, tableClass, td, th } from "@/components/ui/page";

// A queue's progress and agreement at a glance: a stacked bar of item states, a table per assignee,
// and Krippendorff's alpha per dimension with the sample it rests on.

const pct = (n: number, total: number) => (total ? (100 * n) / total : 0);

export function QueueProgressBar({ progress }: { progress: TQueueProgress }) {
  const { items } = progress;
  const parts = [
    { label: "gold", n: items.gold, className: "bg-emerald-500" },
    { label: "needs adjudication", n: items.needsAdjudication, className: "bg-amber-400" },
    { label: "open", n: items.open, className: "bg-zinc-300 dark:bg-zinc-700" },
  ];
  return (
    <div>
      <div className="flex h-3 w-full overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800" role="img" aria-label={parts.map((p) => `${p.n} ${p.label}`).join(", ")}>
        {parts.map((p) => (p.n ? <div key={p.label} className={p.className} style={{ width: `${pct(p.n, items.total)}%` }} /> : null))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="queue-counts">
        {parts.map((p) => (
          <li key={p.label} className="flex items-center gap-1.5"><span className={`inline-block size-2 rounded-full ${p.className}`} aria-hidden />{p.n} {p.label}</li>
        ))}
        <li>{progress.slots.submitted} of {progress.slots.total} labels submitted · {progress.slots.claimedNow} claimed now</li>
      </ul>
    </div>
  );
}

export function AssigneeTable({ progress, perItem }: { progress: TQueueProgress; perItem: number }) {
  if (!progress.assignees.length) return <p className="text-sm text-zinc-500">No one has labelled yet. Anyone with labelling rights can start.</p>;
  const most = Math.max(1, ...progress.assignees.map((a) => a.submitted));
  return (
    <table className={tableClass} aria-label="Progress per assignee">
      <thead><tr><th className={th}>Annotator</th><th className={th}>Submitted</th><th className={th}>Claimed now</th><th className={th}>Skipped</th></tr></thead>
      <tbody>
        {progress.assignees.map((a) => (
          <tr key={a.userId}>
            <td className={td} dir="auto">{a.label}</td>
            <td className={td}>
              <span className="flex items-center gap-2">
                <span className="w-8 tabular-nums">{a.submitted}</span>
                <span className="h-1.5 w-24 rounded-full bg-zinc-100 dark:bg-zinc-800"><span className="block h-1.5 rounded-full bg-blue-500" style={{ width: `${pct(a.submitted, most)}%` }} /></span>
              </span>
            </td>
            <td className={`${td} tabular-nums`}>{a.claimedNow}</td>
            <td className={`${td} tabular-nums`}>{a.skipped}</td>
          </tr>
        ))}
      </tbody>
      <caption className="caption-bottom pt-2 text-left text-xs text-zinc-500">Each item needs {perItem} label{perItem === 1 ? "" : "s"} from different people.</caption>
    </table>
  );
}

// Krippendorff's reading: ≥ 0.8 reliable, ≥ 0.667 tentative conclusions only, below that unreliable.
function verdict(alpha: number | null): { text: string; className: string } {
  if (alpha === null) return { text: "not computable", className: "text-zinc-500" };
  if (alpha >= 0.8) return { text: "reliable", className: "text-emerald-700 dark:text-emerald-400" };
  if (alpha >= 0.667) return { text: "tentative", className: "text-amber-700 dark:text-amber-400" };
  return { text: "low", className: "text-red-700 dark:text-red-400" };
}

/** Alpha on 0–1 (below 0 pinned to 0), with ticks at Krippendorff's 0.667 and 0.8. */
function AlphaGauge({ alpha }: { alpha: number | null }) {
  const width = alpha === null ? 0 : Math.max(0, Math.min(1, alpha)) * 100;
  const tone = alpha === null ? "" : alpha >= 0.8 ? "bg-emerald-500" : alpha >= 0.667 ? "bg-amber-400" : "bg-red-400";
  return (
    <span className="relative block h-2 w-28 rounded-full bg-zinc-100 dark:bg-zinc-800" aria-hidden>
      <span className={`block h-2 rounded-full ${tone}`} style={{ width: `${width}%` }} />
      <span className="absolute top-[-2px] h-3 w-px bg-zinc-400" style={{ left: "66.7%" }} />
      <span className="absolute top-[-2px] h-3 w-px bg-zinc-400" style={{ left: "80%" }} />
    </span>
  );
}

export function AgreementTable({ agreement, small }: { agreement: TAgreement[]; small: number }) {
  return (
    <Card title="Agreement (Krippendorff's alpha)">
      <table className={tableClass} aria-label="Agreement per dimension">
        <thead><tr><th className={th}>Dimension</th><th className={th}>Alpha</th><th className={th}>Items / labels</th><th className={th}>Distance</th></tr></thead>
        <tbody>
          {agreement.map((a) => {
            const v = verdict(a.alpha);
            return (
              <tr key={a.dimension} data-testid={`agreement-${a.dimension}`}>
                <td className={`${td} font-medium`}>{a.dimension}</td>
                <td className={td}>
                  <span className="flex items-center gap-2">
                    <AlphaGauge alpha={a.alpha} />
                    <span className="w-10 tabular-nums">{a.alpha === null ? "—" : a.alpha.toFixed(2)}</span>
                    <span className={`text-xs ${v.className}`}>{v.text}</span>
                  </span>
                </td>
                <td className={`${td} tabular-nums`}>
                  n = {a.units} / {a.values}
                  {a.units > 0 && a.units < small ? <span className="ms-2 text-xs text-amber-700 dark:text-amber-400">small sample</span> : null}
                </td>
                <td className={`${td} text-zinc-500`}>{a.metric}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-zinc-500">
        Over items with at least two submitted labels. 1 is perfect agreement, 0 is chance; ≥ 0.8 is reliable, 0.667–0.8 supports tentative conclusions only.
        With fewer than {small} items the figure can swing widely. “Not computable” means nothing is pairable yet, or every label is the same.
      </p>
    </Card>
  );
}
