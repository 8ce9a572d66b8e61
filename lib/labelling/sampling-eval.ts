import { mulberry32 } from "../evals/prng";
import { queryFromVariables } from "../registry/prompts/query-variable";
import type { NewLabelItem } from "./add-items";

// Which of an eval run's results a queue labels. Pure over the run's completed results. A queue item
// stands for one dataset item: with repeats, the first completed repeat is what reviewers see (their
// gold label is then compared with the judge's score on that same output), while the spread across
// repeats tells how unsure the judge is.

export type EvalSampleMode = "all" | "sample" | "low_confidence" | "disagreement";

export interface ResultForSampling {
  id: string;
  itemId: string;
  repeat: number;
  scores: unknown;
}

interface ItemGroup<R extends ResultForSampling> {
  representative: R;
  /** per repeat, the mean of the judge's dimensions on its 1–5 scale */
  judgeMeans: number[];
  /** the heuristic scorers' 0–1 scores over every repeat */
  heuristic: number[];
  order: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The judge's dimension scores of one result on the rubric's 1–5 scale (raw; the 0–1 score mapped back when raw is absent). */
export function judgeScoresOf(scores: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!scores || typeof scores !== "object") return out;
  for (const [key, entry] of Object.entries(scores as Record<string, unknown>)) {
    if (!key.startsWith("judge.") || !entry || typeof entry !== "object") continue;
    const e = entry as { raw?: unknown; score?: unknown };
    const raw = typeof e.raw === "number" ? e.raw : typeof e.score === "number" ? e.score * 4 + 1 : null;
    if (raw !== null && Number.isFinite(raw)) out[key.slice("judge.".length)] = raw;
  }
  return out;
}

function heuristicScoresOf(scores: unknown): number[] {
  if (!scores || typeof scores !== "object") return [];
  return Object.entries(scores as Record<string, unknown>).flatMap(([key, entry]) => {
    if (key.startsWith("judge.") || !entry || typeof entry !== "object") return [];
    const s = (entry as { score?: unknown }).score;
    return typeof s === "number" && Number.isFinite(s) ? [s] : [];
  });
}

function groupByItem<R extends ResultForSampling>(results: R[]): ItemGroup<R>[] {
  const groups = new Map<string, ItemGroup<R>>();
  for (const r of results) {
    let g = groups.get(r.itemId);
    if (!g) {
      g = { representative: r, judgeMeans: [], heuristic: [], order: groups.size };
      groups.set(r.itemId, g);
    } else if (r.repeat < g.representative.repeat) {
      g.representative = r;
    }
    const judge = Object.values(judgeScoresOf(r.scores));
    if (judge.length) g.judgeMeans.push(mean(judge));
    g.heuristic.push(...heuristicScoresOf(r.scores));
  }
  return [...groups.values()];
}

/** A seeded Fisher–Yates shuffle: the same seed picks the same items. */
export function seededShuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  const next = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A stable 32-bit seed from a string (FNV-1a), for sources that name no seed. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export interface EvalSelection {
  mode: EvalSampleMode;
  size?: number;
  seed: number;
  /** the run's judge pass threshold (EvalRun.config.judge.passAt), on the 1–5 scale */
  passAt: number;
}

/**
 * The results to label, one per dataset item, most useful first: every item in run order ("all"),
 * a seeded random sample in run order, the judge's least confident items (largest spread across
 * repeats, then mean closest to the pass threshold), or the largest judge-vs-heuristics gaps.
 */
export function selectEvalResults<R extends ResultForSampling>(results: R[], sel: EvalSelection): R[] {
  const groups = groupByItem(results);
  const size = sel.size ?? groups.length;
  const pick = (gs: ItemGroup<R>[]) => gs.slice(0, size).map((g) => g.representative);
  switch (sel.mode) {
    case "all":
      return groups.map((g) => g.representative);
    case "sample":
      return pick(seededShuffle(groups, sel.seed).slice(0, size).sort((a, b) => a.order - b.order));
    case "low_confidence": {
      const judged = groups.filter((g) => g.judgeMeans.length > 0);
      const spread = (g: ItemGroup<R>) => Math.max(...g.judgeMeans) - Math.min(...g.judgeMeans);
      const distance = (g: ItemGroup<R>) => Math.abs(mean(g.judgeMeans) - sel.passAt);
      return pick(judged.sort((a, b) => spread(b) - spread(a) || distance(a) - distance(b) || a.order - b.order));
    }
    case "disagreement": {
      const both = groups.filter((g) => g.judgeMeans.length > 0 && g.heuristic.length > 0);
      const gap = (g: ItemGroup<R>) => Math.abs((mean(g.judgeMeans) - 1) / 4 - mean(g.heuristic));
      return pick(both.sort((a, b) => gap(b) - gap(a) || a.order - b.order));
    }
  }
}

export interface EvalResultSnapshot {
  id: string;
  itemKey: string;
  itemId: string;
  language: string;
  output: string | null;
  context: unknown;
  scores: unknown;
}

/** The question a reviewer reads: the item's question variable, else its inputs as "name: value" lines. */
export function inputTextOf(inputs: Record<string, unknown>): string {
  const q = queryFromVariables(inputs);
  if (q) return q;
  return Object.entries(inputs)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join("\n");
}

function contextChunks(context: unknown): { text: string; docId?: string }[] | null {
  if (!Array.isArray(context)) return null;
  return context.flatMap((c) =>
    c && typeof c === "object" && typeof (c as { text?: unknown }).text === "string"
      ? [{ text: (c as { text: string }).text, ...(typeof (c as { docId?: unknown }).docId === "string" ? { docId: (c as { docId: string }).docId } : {}) }]
      : [],
  );
}

/** What a queue keeps of an eval result: enough to label it after the run is gone. */
export function evalLabelItem(
  r: EvalResultSnapshot,
  item: { inputs: unknown; reference: string | null } | undefined,
  run: { id: string; judgeModelVersionId: string | null; judgePromptVersionId: string | null },
): NewLabelItem {
  const inputs = (item?.inputs && typeof item.inputs === "object" ? item.inputs : {}) as Record<string, unknown>;
  return {
    sourceKind: "eval_result",
    sourceId: r.id,
    input: inputTextOf(inputs),
    context: contextChunks(r.context),
    output: r.output ?? "",
    reference: item?.reference ?? null,
    language: r.language,
    meta: {
      runId: run.id, itemKey: r.itemKey, datasetItemId: r.itemId, inputs: inputs as Record<string, string>,
      judgeModelVersionId: run.judgeModelVersionId, judgePromptVersionId: run.judgePromptVersionId, judge: judgeScoresOf(r.scores),
    },
  };
}
