import type { GoldLabel, LabelScores } from "./rubric";
import type { TLabelItemView, TSlotView } from "./annotate-schemas";
import type { LabelItemRow, LabelSlotRow } from "./claims-repo";

// Rows → the shapes the API and the console show (dates as ISO strings, JSON columns typed).

export function itemView(i: LabelItemRow): TLabelItemView {
  return {
    id: i.id, position: i.position, status: i.status, sourceKind: i.sourceKind, sourceId: i.sourceId, input: i.input,
    context: (i.context as TLabelItemView["context"]) ?? null, output: i.output, reference: i.reference, language: i.language,
    stratum: i.stratum, gold: (i.gold as GoldLabel | null) ?? null, goldSource: i.goldSource,
  };
}

export function slotView(s: LabelSlotRow): TSlotView {
  return {
    id: s.id, status: s.status, expiresAt: s.expiresAt?.toISOString() ?? null, scores: (s.scores as LabelScores | null) ?? null,
    correction: s.correction, tags: s.tags ?? [], submittedAt: s.submittedAt?.toISOString() ?? null,
  };
}
