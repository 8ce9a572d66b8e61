"use client";

import { useEffect, useRef, type Dispatch, type RefObject, type SetStateAction } from "react";
import type { LabelValue, RubricDimension } from "@/lib/labelling/rubric";
import { isTypingTarget, valueForDigit } from "./review-keys";

// The keys the reviewer and the adjudicator share: digits set the focused dimension, ↑/↓ move between
// dimensions, e and t jump to the corrected answer and the tags, Esc leaves them, ? opens help. Each
// screen adds its own (Enter, j, k, s). Handlers are read through a ref, so the listener is added once
// and always calls the screen's current state.

export interface LabelKeys {
  dims: RubricDimension[];
  focused: number;
  setFocused: Dispatch<SetStateAction<number>>;
  /** while help is open or an action is pending, keys do nothing */
  help: boolean;
  openHelp: () => void;
  pending: boolean;
  rootRef: RefObject<HTMLElement | null>;
  correctionRef: RefObject<HTMLTextAreaElement | null>;
  tagRef: RefObject<HTMLInputElement | null>;
  onPick: (d: RubricDimension, v: LabelValue) => void;
  onBadDigit?: (digit: string, d: RubricDimension) => void;
  /** the screen's own keys, by KeyboardEvent.key */
  keys: Record<string, () => void>;
}

export function useLabelKeys(opts: LabelKeys): void {
  const latest = useRef(opts);
  latest.current = opts;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const o = latest.current;
      if (e.ctrlKey || e.metaKey || e.altKey || o.help) return;
      if (isTypingTarget(e.target)) {
        if (e.key === "Escape") {
          e.preventDefault();
          o.rootRef.current?.focus();
        }
        return;
      }
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (e.key === "Enter" && (tag === "BUTTON" || tag === "A")) return;
      if (/^[0-9]$/.test(e.key)) {
        const d = o.dims[o.focused];
        const v = d ? valueForDigit(d, Number(e.key)) : null;
        if (d && v !== null) o.onPick(d, v);
        else if (d) o.onBadDigit?.(e.key, d);
        e.preventDefault();
        return;
      }
      const act: Record<string, () => void> = {
        ArrowDown: () => o.setFocused((i) => Math.min(i + 1, o.dims.length - 1)),
        ArrowUp: () => o.setFocused((i) => Math.max(i - 1, 0)),
        e: () => o.correctionRef.current?.focus(),
        t: () => o.tagRef.current?.focus(),
        "?": o.openHelp,
        ...o.keys,
      };
      if (act[e.key] && !o.pending) {
        e.preventDefault();
        act[e.key]();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
