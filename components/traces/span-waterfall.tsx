"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import type { TSpanDetail } from "@/lib/traces/list-schemas";
import { formatMs } from "./format";
import { SpanDetail } from "./span-detail";

// The span waterfall: one row per span in tree order, its bar placed by start and duration relative to
// the trace. A listbox: click a row, or move with ↑/↓/Home/End, and the span's details show beside it.

const KIND_COLOURS: Record<TSpanDetail["kind"], string> = {
  llm: "bg-violet-500", retrieval: "bg-sky-500", tool: "bg-amber-500", planning: "bg-teal-500", guard: "bg-zinc-500", other: "bg-zinc-400",
};

export function SpanWaterfall({ spans, totalMs }: { spans: TSpanDetail[]; totalMs: number }) {
  const [selected, setSelected] = useState(0);
  const options = useRef<(HTMLLIElement | null)[]>([]);
  const total = Math.max(totalMs, ...spans.map((s) => s.offsetMs + s.durationMs), 1);

  const move = (to: number) => {
    const i = Math.max(0, Math.min(spans.length - 1, to));
    setSelected(i);
    options.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const next = { ArrowDown: selected + 1, ArrowUp: selected - 1, Home: 0, End: spans.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    move(next);
  };

  const span = spans[selected];
  return (
    <div className="grid grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-4">
      <div className="rounded-lg border border-zinc-200 dark:border-zinc-800">
        <div className="flex justify-between border-b border-zinc-200 px-3 py-1.5 text-[11px] text-zinc-500 dark:border-zinc-800">
          <span>Span ({spans.length})</span>
          <span className="tabular-nums">0 — {formatMs(total)}</span>
        </div>
        <ul role="listbox" aria-label="Spans" onKeyDown={onKeyDown} className="max-h-[70vh] overflow-y-auto py-1">
          {spans.map((s, i) => {
            const left = (s.offsetMs / total) * 100;
            const width = Math.max((s.durationMs / total) * 100, 0.4);
            const isSelected = i === selected;
            return (
              <li
                key={s.spanId}
                ref={(el) => { options.current[i] = el; }}
                role="option"
                aria-selected={isSelected}
                aria-label={`${s.name} (${s.kind}${s.status === "error" ? ", error" : ""}${s.orphan ? ", parent missing" : ""}) ${formatMs(s.durationMs)}`}
                tabIndex={isSelected ? 0 : -1}
                data-testid={`span-row-${s.spanId}`}
                onClick={() => move(i)}
                className={cn(
                  "grid cursor-pointer grid-cols-[minmax(0,2fr)_minmax(0,3fr)] items-center gap-2 px-3 py-1 text-xs outline-none focus-visible:ring-2 focus-visible:ring-blue-500",
                  isSelected ? "bg-blue-50 dark:bg-blue-950/50" : "hover:bg-zinc-50 dark:hover:bg-zinc-900",
                )}
              >
                <span className="flex min-w-0 items-center gap-1.5" style={{ paddingInlineStart: `${Math.min(s.depth, 12) * 12}px` }}>
                  <span className={cn("shrink-0 rounded px-1 text-[10px] font-medium uppercase text-white", KIND_COLOURS[s.kind])}>{s.kind}</span>
                  <span className={cn("truncate", s.status === "error" && "font-medium text-red-700 dark:text-red-400")} dir="auto" title={s.name}>{s.name}</span>
                  {s.orphan ? <span className="shrink-0 rounded bg-amber-100 px-1 text-[10px] text-amber-800 dark:bg-amber-950 dark:text-amber-300" title={`Parent ${s.parentSpanId} never arrived`}>orphan</span> : null}
                  {s.injectionFlagged ? <span className="shrink-0 text-[10px] font-medium text-red-700" title="Injection flagged">⚠</span> : null}
                </span>
                <span className="relative h-3.5 rounded bg-zinc-100 dark:bg-zinc-900" aria-hidden>
                  <span
                    className={cn("absolute top-0 h-full rounded", s.status === "error" ? "bg-red-500" : KIND_COLOURS[s.kind])}
                    style={{ left: `${Math.min(left, 99.6)}%`, width: `${Math.min(width, 100 - Math.min(left, 99.6))}%` }}
                    data-status={s.status}
                  />
                  <span className="absolute right-1 top-0 text-[10px] leading-[14px] tabular-nums text-zinc-600 dark:text-zinc-300">{formatMs(s.durationMs)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
        {span ? <SpanDetail span={span} /> : <p className="text-sm text-zinc-500">This trace has no spans.</p>}
      </div>
    </div>
  );
}
