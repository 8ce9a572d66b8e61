// A queue's items at a glance: gold, waiting for an adjudicator, still open. The numbers are in the
// accessible name and the tooltip; the colours only repeat them.

export function QueueProgressBar({ counts }: { counts: { open: number; needs_adjudication: number; gold: number } }) {
  const total = counts.open + counts.needs_adjudication + counts.gold;
  const pct = (n: number) => (total ? (n / total) * 100 : 0);
  const label = `${counts.gold} gold, ${counts.needs_adjudication} need adjudication, ${counts.open} open of ${total}`;
  return (
    <div className="flex min-w-40 items-center gap-2">
      <div role="img" aria-label={label} title={label} className="flex h-2 w-28 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
        <div className="bg-emerald-500" style={{ width: `${pct(counts.gold)}%` }} />
        <div className="bg-amber-500" style={{ width: `${pct(counts.needs_adjudication)}%` }} />
      </div>
      <span className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
        {counts.gold}/{total} gold
        {counts.needs_adjudication ? <span className="text-amber-700 dark:text-amber-400"> · {counts.needs_adjudication} to adjudicate</span> : null}
      </span>
    </div>
  );
}
