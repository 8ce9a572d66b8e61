"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import type { TLabelItemView, TSlotView } from "@/lib/labelling/annotate-schemas";
import type { ReviewContext } from "@/lib/labelling/claims-read";
import type { LabelScores, LabelValue, RubricDimension } from "@/lib/labelling/rubric";
import { claimNextAction, openMySlotAction, skipSlotAction, submitLabelAction } from "@/app/(console)/p/[project]/labelling/[queueId]/actions";
import { Badge, EmptyState } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { MarkdownText } from "@/components/releases/markdown-text";
import { ReviewItem } from "./review-item";
import { ScoringPanel } from "./review-scoring";
import { KeyHelpDialog } from "./review-help";
import { LockTimer } from "./review-lock";
import { REVIEW_KEYS, isComplete } from "./review-keys";
import { useLabelKeys } from "./use-label-keys";
import { ReviewNotes } from "./review-notes";

// The reviewer screen (issue 7): one item at a time, keyboard first. The claim happens from here, not
// while the page renders, so a prefetch never locks an item. "Back" (k) walks my earlier labels in this
// queue, newest first; "next" (j) walks forward again and ends at my claim.

interface Current {
  slot: TSlotView;
  item: TLabelItemView;
  mode: "claim" | "revise";
}

export function ReviewScreen({ slug, context }: { slug: string; context: ReviewContext }) {
  const { queue } = context;
  const dims = queue.dimensions;
  const [current, setCurrent] = useState<Current | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [history, setHistory] = useState(context.history.map((h) => h.slotId));
  const [back, setBack] = useState(-1);
  const [scores, setScores] = useState<LabelScores>({});
  const [correction, setCorrection] = useState("");
  const [tags, setTags] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  const [focused, setFocused] = useState(0);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const rootRef = useRef<HTMLDivElement>(null);
  const correctionRef = useRef<HTMLTextAreaElement>(null);
  const tagRef = useRef<HTMLInputElement>(null);

  // unsaved work on an item survives k / j: it is kept per slot until I come back to it
  const drafts = useRef(new Map<string, { scores: LabelScores; correction: string; tags: string[] }>());
  const latest = useRef({ current, scores, correction, tags, dirty });
  latest.current = { current, scores, correction, tags, dirty };

  const load = useCallback((next: Current | null) => {
    const prev = latest.current;
    if (prev.current && prev.dirty) drafts.current.set(prev.current.slot.id, { scores: prev.scores, correction: prev.correction, tags: prev.tags });
    const draft = next ? drafts.current.get(next.slot.id) : undefined;
    if (next) drafts.current.delete(next.slot.id);
    setCurrent(next);
    setScores(draft?.scores ?? next?.slot.scores ?? {});
    setCorrection(draft?.correction ?? next?.slot.correction ?? "");
    setTags(draft?.tags ?? next?.slot.tags ?? []);
    setDirty(!!draft);
    setFocused(0);
    setLoaded(true);
    requestAnimationFrame(() => rootRef.current?.focus());
  }, []);

  const claim = useCallback(() => {
    start(async () => {
      const res = await claimNextAction(slug, queue.id);
      if (!res.ok) return setMessage(res.error);
      setMessage(null);
      setBack(-1);
      load(res.data.slot && res.data.item ? { slot: res.data.slot, item: res.data.item, mode: "claim" } : null);
    });
  }, [slug, queue.id, load]);

  useEffect(claim, [claim]);

  const open = (index: number) => {
    if (index < 0) return claim();
    if (index >= history.length) return setMessage("No earlier label of yours in this queue.");
    start(async () => {
      const res = await openMySlotAction(slug, history[index]);
      if (!res.ok) return setMessage(res.error);
      setMessage(null);
      setBack(index);
      load({ slot: res.data.slot, item: res.data.item, mode: "revise" });
    });
  };

  const editable = !!current && current.item.status === "open";
  const missing = dims.filter((d) => scores[d.name] === undefined).map((d) => d.name);

  const submit = () => {
    if (!current || !editable) return open(back - 1);
    if (!isComplete(dims, scores)) return setMessage(`Score every dimension first: ${missing.join(", ")} (or press s to skip).`);
    if (current.mode === "revise" && !dirty) return open(back - 1);
    const slotId = current.slot.id;
    start(async () => {
      const res = await submitLabelAction(slug, queue.id, slotId, { scores, correction: correction.trim() || null, tags });
      if (!res.ok) return setMessage(res.error);
      setMessage(null);
      setDirty(false);
      latest.current.dirty = false;
      setHistory((h) => (h.includes(slotId) ? h : [slotId, ...h]));
      if (current.mode === "claim") claim();
      else open(back - 1);
    });
  };

  const skip = () => {
    if (!current || current.mode !== "claim") return setMessage("Only an item you claimed can be skipped.");
    const slotId = current.slot.id;
    start(async () => {
      const res = await skipSlotAction(slug, queue.id, slotId);
      if (!res.ok) return setMessage(res.error);
      setDirty(false);
      latest.current.dirty = false;
      claim();
    });
  };

  const pick = (d: RubricDimension, v: LabelValue) => {
    if (!editable) return;
    setScores((s) => ({ ...s, [d.name]: v }));
    setDirty(true);
    setMessage(null);
    setFocused((i) => Math.min(dims.indexOf(d) + 1, dims.length - 1));
  };

  const addTag = () => {
    const t = (tagRef.current?.value ?? "").trim().toLowerCase();
    if (!t) return;
    setTags((old) => (old.includes(t) ? old : [...old, t].slice(0, 20)));
    setDirty(true);
    if (tagRef.current) tagRef.current.value = "";
  };

  useLabelKeys({
    dims, focused, setFocused, help, openHelp: () => setHelp(true), pending, rootRef, correctionRef, tagRef, onPick: pick,
    onBadDigit: (digit, d) => setMessage(`${digit} is not a choice on ${d.name}.`),
    keys: { s: skip, j: submit, Enter: submit, k: () => open(back + 1) },
  });

  const header = (
    <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="text-zinc-500">
        Press <kbd className="rounded border border-zinc-300 px-1 font-mono text-xs dark:border-zinc-700">?</kbd> for keys · digits score the outlined dimension · Enter submits · j / k next / previous · e correct · t tag · s skip
      </span>
      <Button variant="secondary" size="sm" onClick={() => setHelp(true)}>Keyboard help</Button>
    </div>
  );

  return (
    <div ref={rootRef} tabIndex={-1} className="outline-none" data-testid="review-screen" aria-busy={pending}>
      {header}
      {message ? <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">{message}</p> : null}
      {!loaded ? (
        <p className="text-sm text-zinc-500" role="status">Claiming the next item…</p>
      ) : !current ? (
        <EmptyState title="Nothing left for you in this queue">
          Every item is labelled, claimed by someone else, or skipped by you.{" "}
          {history.length ? <>Press <kbd className="font-mono">k</kbd> to revisit your labels, or go </> : "Go "}
          <Link className="underline" href={`/p/${slug}/labelling/${queue.id}`}>back to the queue</Link>.
        </EmptyState>
      ) : (
        <div className="grid grid-cols-[minmax(0,1fr)_22rem] gap-5">
          <div>
            <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium" data-testid="item-position">Item #{current.item.position + 1}</span>
              <Badge>{current.item.language}</Badge>
              {current.item.stratum ? <Badge tone="blue">{current.item.stratum}</Badge> : null}
              {current.mode === "revise" ? <Badge tone="amber">revising your label</Badge> : null}
              {current.item.status !== "open" ? <Badge tone="green">{current.item.status === "gold" ? "gold — final" : "awaiting adjudication"}</Badge> : null}
            </div>
            <ReviewItem item={current.item} />
          </div>
          <aside className="space-y-3 self-start">
            {current.mode === "claim" ? <LockTimer expiresAt={current.slot.expiresAt} lockMinutes={queue.lockMinutes} /> : null}
            <ScoringPanel dims={dims} scores={scores} focused={focused} onPick={pick} onFocus={setFocused} disabled={!editable} />
            <ReviewNotes
              correction={correction}
              onCorrection={(v) => { setCorrection(v); setDirty(true); }}
              correctionRef={correctionRef}
              tags={tags}
              onRemoveTag={(t) => { setTags((old) => old.filter((x) => x !== t)); setDirty(true); }}
              tagRef={tagRef}
              onAddTag={addTag}
              disabled={!editable}
            />
            <div className="flex items-center gap-2">
              <Button onClick={submit} disabled={pending || !editable}>{current.mode === "revise" ? "Save and next" : "Submit"} <kbd className="font-mono text-[10px] opacity-70">Enter</kbd></Button>
              {current.mode === "claim" ? <Button variant="secondary" onClick={skip} disabled={pending}>Skip <kbd className="font-mono text-[10px] opacity-70">s</kbd></Button> : null}
            </div>
            <details className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800" open>
              <summary className="cursor-pointer text-xs font-medium text-zinc-500"><span className="uppercase tracking-wide">Guidelines</span> · <span dir="auto">{queue.rubric}</span> v{queue.rubricVersion}</summary>
              <div className="mt-2"><MarkdownText source={queue.guidelines} /></div>
            </details>
          </aside>
        </div>
      )}
      <KeyHelpDialog open={help} onOpenChange={(o) => { setHelp(o); if (!o) requestAnimationFrame(() => rootRef.current?.focus()); }} keys={REVIEW_KEYS} dims={dims} />
    </div>
  );
}
