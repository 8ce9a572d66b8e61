import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import type { TEvalResult } from "@/lib/evals/runs/schemas";
import type { ScoreKeyInfo } from "@/lib/evals/runs/types";
import { formatScore } from "./format";
import { KeyHeading, keyTh, languageName } from "./run-summary";
import { frame, head } from "./runs-table";

export interface ResultFilter {
  status?: "ok" | "failed";
  language?: string;
  cursor?: number;
}

const PREVIEW_CHARS = 160;

type ScoreEntry = TEvalResult["scores"][string];

/** One score cell: the judge's raw 1–5, a scorer's 0–1; a failed scorer says so instead of showing 0. */
export function ScoreCell({ entry, info }: { entry: ScoreEntry | undefined; info: ScoreKeyInfo }) {
  if (!entry) return <span className="text-zinc-400">—</span>;
  if (entry.error) return <span title={entry.error}><Badge tone="red">error</Badge></span>;
  const value = info.kind === "judge" ? (entry.raw ?? null) : (entry.score ?? null);
  const tone = entry.passed === false ? "text-red-700 dark:text-red-400" : entry.passed === true ? "text-emerald-700 dark:text-emerald-400" : "";
  return (
    <span className={`tabular-nums ${tone}`} title={entry.explanation}>
      {info.kind === "judge" && value !== null ? String(value) : formatScore(value, info.scale)}
      {entry.passed !== undefined ? <span className="sr-only">{entry.passed ? " (pass)" : " (fail)"}</span> : null}
    </span>
  );
}

export function ResultFilters({ filter, languages }: { filter: ResultFilter; languages: string[] }) {
  return (
    <form method="get" role="search" aria-label="Filter results" className="mb-3 flex items-end gap-3">
      <div className="w-40">
        <Field label="Status" htmlFor="results-status">
          <Select id="results-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">All</option><option value="ok">ok</option><option value="failed">failed</option>
          </Select>
        </Field>
      </div>
      <div className="w-44">
        <Field label="Language" htmlFor="results-language">
          <Select id="results-language" name="language" defaultValue={filter.language ?? ""}>
            <option value="">All</option>
            {languages.map((l) => <option key={l} value={l}>{languageName(l)} ({l})</option>)}
          </Select>
        </Field>
      </div>
      <Button type="submit" variant="secondary">Filter</Button>
      {filter.status || filter.language ? <Button asChild variant="ghost"><a href="?#results">Clear</a></Button> : null}
    </form>
  );
}

export function ResultsTable({ base, results, keys }: { base: string; results: TEvalResult[]; keys: ScoreKeyInfo[] }) {
  if (!results.length) return <EmptyState title="No results here">Nothing matches this filter yet.</EmptyState>;
  return (
    <div className={frame}>
      <table className={tableClass} aria-label="Results">
        <thead className={head}>
          <tr>
            <th className={th}>Item</th><th className={th}>Lang</th><th className={`${th} text-right`} title="Repeat">Rep</th><th className={th}>Status</th><th className={th}>Output</th>
            {keys.map((k) => <th key={k.key} className={keyTh} title={k.label}><KeyHeading info={k} /></th>)}
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.id} data-testid={`result-${r.itemKey}-${r.repeat}`} className={`relative hover:bg-zinc-50 focus-within:bg-zinc-50 dark:hover:bg-zinc-900/60 dark:focus-within:bg-zinc-900/60 ${r.status === "failed" ? "bg-red-50/50 dark:bg-red-950/30" : ""}`}>
              <td className={`${td} whitespace-nowrap font-mono text-xs`} dir="ltr">
                {/* the link covers the whole row, so a click anywhere opens the item and the row is one tab stop */}
                <Link href={`${base}/results/${r.id}`} className="after:absolute after:inset-0 hover:underline focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-inset focus-visible:after:ring-blue-500" aria-label={`Open ${r.itemKey}, repeat ${r.repeat + 1}`}>{r.itemKey}</Link>
              </td>
              <td className={td}>{r.language}</td>
              <td className={`${td} text-right tabular-nums`}>{r.repeat + 1}</td>
              <td className={td}>
                {r.status === "failed" ? (
                  <div className="max-w-56 space-y-0.5">
                    <Badge tone="red">failed{r.errorStage ? ` · ${r.errorStage}` : ""}</Badge>
                    <p className="line-clamp-2 text-xs text-red-700 dark:text-red-400" dir="auto">{r.error}</p>
                  </div>
                ) : <Badge tone="green">ok</Badge>}
              </td>
              <td className={`${td} min-w-40 max-w-sm`}>
                <p className="line-clamp-2 text-xs" dir="auto" lang={r.language}>{r.output ? r.output.slice(0, PREVIEW_CHARS) : <span className="text-zinc-400">—</span>}</p>
              </td>
              {keys.map((k) => <td key={k.key} className={`${td} text-right`}><ScoreCell entry={r.scores[k.key]} info={k} /></td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Cursor pages keep the filter; "First page" is the way back (cursors only go forward). */
export function ResultPages({ filter, nextCursor }: { filter: ResultFilter; nextCursor: number | null }) {
  const qs = (cursor?: number) => {
    const p = new URLSearchParams();
    if (filter.status) p.set("status", filter.status);
    if (filter.language) p.set("language", filter.language);
    if (cursor !== undefined) p.set("cursor", String(cursor));
    return `?${p.toString()}#results`;
  };
  if (filter.cursor === undefined && nextCursor === null) return null;
  return (
    <nav aria-label="Result pages" className="mt-2 flex gap-3 text-sm">
      {filter.cursor !== undefined ? <Link href={qs()} className="text-blue-600 hover:underline">First page</Link> : null}
      {nextCursor !== null ? <Link href={qs(nextCursor)} className="text-blue-600 hover:underline">Next page</Link> : null}
    </nav>
  );
}
