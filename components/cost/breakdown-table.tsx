import type { TBreakdownRow } from "@/lib/costs/schemas";
import { EmptyState, tableClass, td, th } from "@/components/ui/page";
import { formatCount, formatRate, formatUsd } from "./format";

/** One dimension's spend, most expensive first, with a bar for its share of the range's cost. */
export function BreakdownTable({ title, rows, dimension }: { title: string; rows: TBreakdownRow[]; dimension: string }) {
  if (rows.length === 0) return <EmptyState title={`No spend by ${dimension} in this range`} />;
  const perRequest = rows.some((r) => r.requests !== null);
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} aria-label={title}>
        <thead>
          <tr>
            <th className={th}>{dimension}</th>
            <th className={`${th} text-right`}>Cost</th>
            <th className={`${th} w-40`}>Share</th>
            {perRequest ? <th className={`${th} text-right`}>Requests</th> : null}
            {perRequest ? <th className={`${th} text-right`}>Error rate</th> : null}
            <th className={`${th} text-right`}>Input tokens</th>
            <th className={`${th} text-right`}>Output tokens</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td className={td} dir="auto">{r.key ? r.label : <span className="text-zinc-500">{r.label}</span>}</td>
              <td className={`${td} text-right tabular-nums font-medium`}>{formatUsd(r.costUsd)}</td>
              <td className={td}>
                <div className="flex items-center gap-2">
                  <div className="h-2 w-24 shrink-0 rounded bg-zinc-100 dark:bg-zinc-800" aria-hidden>
                    <div className="h-2 rounded bg-[#0072B2]" style={{ width: `${Math.round(r.share * 100)}%` }} />
                  </div>
                  <span className="w-10 text-right text-xs tabular-nums text-zinc-500">{formatRate(r.share)}</span>
                </div>
              </td>
              {perRequest ? <td className={`${td} text-right tabular-nums`}>{formatCount(r.requests)}</td> : null}
              {perRequest ? <td className={`${td} text-right tabular-nums`}>{r.requests ? formatRate((r.failedRequests ?? 0) / r.requests) : "—"}</td> : null}
              <td className={`${td} text-right tabular-nums`}>{formatCount(r.inputTokens)}</td>
              <td className={`${td} text-right tabular-nums`}>{formatCount(r.outputTokens)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
