"use client";

import type { RefObject } from "react";

// The corrected answer and the tags of a label. `e` and `t` focus these fields; Esc leaves them.

export function ReviewNotes({
  correction, onCorrection, correctionRef, tags, onRemoveTag, tagRef, onAddTag, disabled,
}: {
  correction: string;
  onCorrection: (v: string) => void;
  correctionRef: RefObject<HTMLTextAreaElement | null>;
  tags: string[];
  onRemoveTag: (t: string) => void;
  tagRef: RefObject<HTMLInputElement | null>;
  onAddTag: () => void;
  disabled?: boolean;
}) {
  return (
    <div className="space-y-2">
      <div className="space-y-1">
        <label htmlFor="label-correction" className="flex justify-between text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Corrected answer <span className="font-normal text-zinc-500">e to edit · Esc to leave</span>
        </label>
        <textarea
          id="label-correction"
          ref={correctionRef}
          dir="auto"
          rows={4}
          disabled={disabled}
          value={correction}
          onChange={(e) => onCorrection(e.target.value)}
          placeholder="Optional: the answer as it should have been. It becomes the reference when gold labels are exported."
          className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="label-tag" className="flex justify-between text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Tags <span className="font-normal text-zinc-500">t to add · Enter adds · Esc to leave</span>
        </label>
        <input
          id="label-tag"
          ref={tagRef}
          dir="auto"
          disabled={disabled}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              onAddTag();
            }
          }}
          placeholder="e.g. hallucination"
          className="h-8 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {tags.length ? (
          <ul className="flex flex-wrap gap-1" aria-label="Tags">
            {tags.map((t) => (
              <li key={t} className="inline-flex items-center gap-1 rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">
                <span dir="auto">{t}</span>
                {disabled ? null : (
                  <button type="button" tabIndex={-1} aria-label={`Remove tag ${t}`} onClick={() => onRemoveTag(t)} className="text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100">×</button>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
