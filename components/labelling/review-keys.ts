import type { LabelScores, LabelValue, RubricDimension } from "@/lib/labelling/rubric";

// The keyboard scheme of the reviewer and adjudicator screens, kept pure so it is tested and shown on
// screen from one definition. A digit scores the focused dimension: on a scale the digit is the score;
// on a categorical dimension it picks the category by its number (1 = first); on a boolean 1 is yes, 0 no.

export function valueForDigit(dim: RubricDimension, digit: number): LabelValue | null {
  if (dim.kind === "scale") return digit >= dim.min && digit <= dim.max ? digit : null;
  if (dim.kind === "categorical") return digit >= 1 && digit <= dim.categories.length ? dim.categories[digit - 1] : null;
  return digit === 1 ? true : digit === 0 ? false : null;
}

/** The choices a dimension offers, each with the key that picks it. */
export function choicesOf(dim: RubricDimension): { key: string; value: LabelValue; label: string }[] {
  if (dim.kind === "scale") {
    return Array.from({ length: dim.max - dim.min + 1 }, (_, i) => dim.min + i).map((v) => ({ key: v <= 9 ? String(v) : "", value: v, label: String(v) }));
  }
  if (dim.kind === "categorical") return dim.categories.map((c, i) => ({ key: String(i + 1), value: c, label: c }));
  return [{ key: "1", value: true, label: "yes" }, { key: "0", value: false, label: "no" }];
}

export function keyHint(dim: RubricDimension): string {
  if (dim.kind === "scale") return `${dim.min}–${Math.min(dim.max, 9)}`;
  if (dim.kind === "categorical") return `1–${dim.categories.length}`;
  return "1 yes · 0 no";
}

export function isComplete(dims: RubricDimension[], scores: LabelScores): boolean {
  return dims.every((d) => scores[d.name] !== undefined);
}

export function formatValue(v: LabelValue | undefined | null): string {
  if (v === undefined || v === null) return "—";
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

/** Keys typed into a text field or while a dialog is open are not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== "string") return false;
  return el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable || !!el.closest?.("[role=dialog]");
}

export const REVIEW_KEYS: { keys: string; what: string }[] = [
  { keys: "digits", what: "score the focused dimension, then move to the next" },
  { keys: "↑ / ↓", what: "focus the previous / next dimension" },
  { keys: "e", what: "edit the corrected answer (Esc leaves the editor)" },
  { keys: "t", what: "add a tag (Enter adds it, Esc leaves)" },
  { keys: "Enter", what: "submit the label and claim the next item" },
  { keys: "j", what: "next: submit if every dimension is scored, then the next item" },
  { keys: "k", what: "previous: back to the item you labelled before (revisable until it is gold)" },
  { keys: "s", what: "skip this item (it is not offered to you again)" },
  { keys: "?", what: "this help" },
];
