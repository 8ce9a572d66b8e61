"use client";

import type { LabelScores, LabelValue, RubricDimension } from "@/lib/labelling/rubric";
import { choicesOf, keyHint } from "./review-keys";

// One row of choices per rubric dimension. The focused dimension (digits score it) is outlined; the
// choices are buttons too, for anyone who prefers the mouse.

export function ScoringPanel({
  dims, scores, focused, onPick, onFocus, disabled,
}: {
  dims: RubricDimension[];
  scores: LabelScores;
  focused: number;
  onPick: (dim: RubricDimension, value: LabelValue) => void;
  onFocus: (index: number) => void;
  disabled?: boolean;
}) {
  return (
    <div className="space-y-2">
      {dims.map((d, i) => {
        const active = i === focused;
        return (
          <fieldset
            key={d.name}
            data-testid={`dimension-${d.name}`}
            aria-current={active ? "true" : undefined}
            onClick={() => onFocus(i)}
            className={`rounded-md border px-3 py-2 ${active ? "border-blue-500 ring-1 ring-blue-500" : "border-zinc-200 dark:border-zinc-800"}`}
          >
            <legend className="sr-only">{d.name}</legend>
            <div className="flex items-baseline justify-between gap-2">
              <span className="text-sm font-medium">{d.name}</span>
              <span className="text-xs text-zinc-500">keys {keyHint(d)}</span>
            </div>
            <p dir="auto" className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{d.guidelines}</p>
            <div role="radiogroup" aria-label={d.name} className="mt-1.5 flex flex-wrap gap-1">
              {choicesOf(d).map((c) => {
                const chosen = scores[d.name] === c.value;
                return (
                  <button
                    key={String(c.value)}
                    type="button"
                    role="radio"
                    aria-checked={chosen}
                    disabled={disabled}
                    tabIndex={-1}
                    onClick={(e) => {
                      e.stopPropagation();
                      onPick(d, c.value);
                    }}
                    className={`inline-flex h-7 min-w-7 items-center gap-1 rounded border px-2 text-xs ${
                      chosen ? "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900" : "border-zinc-300 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
                    }`}
                  >
                    {d.kind !== "scale" && c.key ? <kbd className="font-mono text-[10px] opacity-70">{c.key}</kbd> : null}
                    <span dir="auto">{c.label}</span>
                  </button>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

export function scoresSummary(dims: RubricDimension[], scores: LabelScores): string {
  return dims.map((d) => `${d.name} ${scores[d.name] === undefined ? "—" : String(scores[d.name])}`).join(" · ");
}

export type { LabelValue };
