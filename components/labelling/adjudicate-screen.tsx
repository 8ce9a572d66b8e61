"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import type { AdjudicationCase } from "@/lib/labelling/adjudication";
import type { GoldLabel, LabelScores, LabelValue, RubricDimension } from "@/lib/labelling/rubric";
import { adjudicateAction } from "@/app/(console)/p/[project]/labelling/[queueId]/actions";
import { Badge, EmptyState, tableClass, td, th } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { ReviewItem } from "./review-item";
import { ScoringPanel } from "./review-scoring";
import { ReviewNotes } from "./review-notes";
import { KeyHelpDialog } from "./review-help";
import { formatValue, isComplete } from "./review-keys";
import { useLabelKeys } from "./use-label-keys";

// Adjudication (issue 7): one disputed item at a time, every annotator's label side by side, the final
// label prefilled with the consensus suggestion (median on scales). Keyboard first, like the reviewer screen.

const ADJUDICATE_KEYS = [
  { keys: "digits", what: "set the final value of the focused dimension, then move to the next" },
  { keys: "↑ / ↓", what: "focus the previous / next dimension" },
  { keys: "e", what: "edit the corrected answer (Esc leaves the editor)" },
  { keys: "t", what: "add a tag (Enter adds it, Esc leaves)" },
  { keys: "Enter", what: "decide: the final label becomes the item's gold label" },
  { keys: "j / k", what: "next / previous disputed item" },
  { keys: "?", what: "this help" },
];

export function AdjudicateScreen({ slug, queueId, dims, cases: initial, userId }: { slug: string; queueId: string; dims: RubricDimension[]; cases: AdjudicationCase[]; userId: string }) {
  const [cases, setCases] = useState(initial);
  const [index, setIndex] = useState(0);
  const c = cases[Math.min(index, cases.length - 1)];
  const [final, setFinal] = useState<GoldLabel>(c?.suggestion ?? { scores: {}, tags: [] });
  const [focused, setFocused] = useState(0);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const rootRef = useRef<HTMLDivElement>(null);
  const correctionRef = useRef<HTMLTextAreaElement>(null);
  const tagRef = useRef<HTMLInputElement>(null);
  const mine = !!c?.labels.some((l) => l.userId === userId);

  useEffect(() => {
    setFinal(c ? { ...c.suggestion, correction: c.suggestion.correction ?? "" } : { scores: {}, tags: [] });
    setFocused(0);
    setMessage(null);
    rootRef.current?.focus();
  }, [c]);

  const move = (delta: number) => setIndex((i) => Math.max(0, Math.min(cases.length - 1, i + delta)));
  const pick = (d: RubricDimension, v: LabelValue) => {
    setFinal((f) => ({ ...f, scores: { ...f.scores, [d.name]: v } }));
    setFocused(Math.min(dims.indexOf(d) + 1, dims.length - 1));
  };
  const decide = () => {
    if (!c || mine) return;
    if (!isComplete(dims, final.scores)) return setMessage("Set a final value on every dimension.");
    const itemId = c.item.id;
    start(async () => {
      const res = await adjudicateAction(slug, queueId, itemId, { scores: final.scores, correction: final.correction?.trim() || null, tags: final.tags });
      if (!res.ok) return setMessage(res.error);
      toast.success(`Item #${c.item.position + 1} is gold.`);
      setCases((all) => all.filter((x) => x.item.id !== itemId));
    });
  };

  useLabelKeys({
    dims, focused, setFocused, help, openHelp: () => setHelp(true), pending, rootRef, correctionRef, tagRef, onPick: pick,
    keys: { Enter: decide, j: () => move(1), k: () => move(-1) },
  });

  if (!c) return <EmptyState title="Nothing to adjudicate">Every disputed item in this queue has its gold label.</EmptyState>;

  return (
    <div ref={rootRef} tabIndex={-1} className="outline-none" data-testid="adjudicate-screen">
      <div className="mb-3 flex items-center justify-between gap-2 text-sm text-zinc-500">
        <span>Disputed item {Math.min(index, cases.length - 1) + 1} of {cases.length} · j / k to move · digits set the final value · Enter decides · ? for keys</span>
        <Button variant="secondary" size="sm" onClick={() => setHelp(true)}>Keyboard help</Button>
      </div>
      {message ? <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">{message}</p> : null}
      <div className="grid grid-cols-[minmax(0,1fr)_24rem] gap-5">
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">Item #{c.item.position + 1}</span>
            <Badge>{c.item.language}</Badge>
            {c.disagreements.map((d) => <Badge key={d.dimension} tone="amber">{d.reason.startsWith("scores") ? `${d.dimension}: ${d.reason}` : `${d.dimension}: labels differ`}</Badge>)}
          </div>
          <table className={tableClass} aria-label="Labels by annotator">
            <thead>
              <tr><th className={th}>Dimension</th>{c.labels.map((l) => <th key={l.userId} className={th} dir="auto">{l.userLabel}</th>)}<th className={th}>Final</th></tr>
            </thead>
            <tbody>
              {dims.map((d) => (
                <tr key={d.name} data-testid={`labels-${d.name}`}>
                  <td className={`${td} font-medium`}>{d.name}</td>
                  {c.labels.map((l) => <td key={l.userId} className={`${td} tabular-nums`} dir="auto">{formatValue((l.scores as LabelScores)[d.name])}</td>)}
                  <td className={`${td} font-semibold tabular-nums`}>{formatValue(final.scores[d.name])}</td>
                </tr>
              ))}
              <tr>
                <td className={`${td} font-medium`}>correction</td>
                {c.labels.map((l) => (
                  <td key={l.userId} className={td}>
                    {l.correction ? (
                      <div className="space-y-1">
                        <p dir="auto" className="line-clamp-4 whitespace-pre-wrap text-xs">{l.correction}</p>
                        <Button size="sm" variant="ghost" onClick={() => setFinal((f) => ({ ...f, correction: l.correction }))}>Use this</Button>
                      </div>
                    ) : <span className="text-zinc-400">—</span>}
                  </td>
                ))}
                <td className={td} />
              </tr>
            </tbody>
          </table>
          <ReviewItem item={c.item} />
        </div>
        <aside className="space-y-3 self-start">
          {mine ? <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">You labelled this item, so someone else must decide it.</p> : null}
          <p className="text-xs text-zinc-500">Prefilled with the median of the scores and the earliest correction. Change what you disagree with.</p>
          <ScoringPanel dims={dims} scores={final.scores} focused={focused} onPick={pick} onFocus={setFocused} disabled={mine} />
          <ReviewNotes
            correction={final.correction ?? ""}
            onCorrection={(v) => setFinal((f) => ({ ...f, correction: v }))}
            correctionRef={correctionRef}
            tags={final.tags}
            onRemoveTag={(t) => setFinal((f) => ({ ...f, tags: f.tags.filter((x) => x !== t) }))}
            tagRef={tagRef}
            onAddTag={() => {
              const t = (tagRef.current?.value ?? "").trim().toLowerCase();
              if (t) setFinal((f) => ({ ...f, tags: f.tags.includes(t) ? f.tags : [...f.tags, t] }));
              if (tagRef.current) tagRef.current.value = "";
            }}
            disabled={mine}
          />
          <Button onClick={decide} disabled={pending || mine}>Decide gold label <kbd className="font-mono text-[10px] opacity-70">Enter</kbd></Button>
        </aside>
      </div>
      <KeyHelpDialog open={help} onOpenChange={(o) => { setHelp(o); if (!o) requestAnimationFrame(() => rootRef.current?.focus()); }} keys={ADJUDICATE_KEYS} dims={dims} />
    </div>
  );
}
