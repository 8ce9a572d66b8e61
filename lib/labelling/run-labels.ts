import type { Db, Tx } from "../db";
import type { HumanReviewEvidence } from "../releases/types";
import { krippendorffAlpha } from "./agreement";
import { agreementMetricOf, parseDimensions, type RubricDimension } from "./rubric";

// What human review says about some eval runs (the gate's "required human review", issue 6/7): how
// many of their items carry a gold label, and how far annotators agreed on them, per rubric
// dimension, pooled over every queue that labelled those items.

export async function humanReviewOfRuns(client: Tx | Db, projectId: string, runIds: string[]): Promise<HumanReviewEvidence> {
  if (runIds.length === 0) return { labelledItems: 0, agreement: [] };
  const results = await client.evalResult.findMany({ where: { projectId, runId: { in: runIds } }, select: { id: true } });
  if (results.length === 0) return { labelledItems: 0, agreement: [] };
  const items = await client.labelItem.findMany({
    where: { projectId, sourceKind: "eval_result", sourceId: { in: results.map((r) => r.id) } },
    select: {
      sourceId: true, status: true,
      queueId: true,
      queue: { select: { scoreConfigVersion: { select: { dimensions: true } } } },
      slots: { where: { status: "submitted" }, select: { scores: true } },
    },
  });
  const gold = new Set(items.filter((i) => i.status === "gold").map((i) => i.sourceId));
  // per dimension name: its kind (the first rubric that names it decides) and each item's values
  const dims = new Map<string, { dim: RubricDimension; units: (number | string | boolean | null)[][] }>();
  // items of one queue share its rubric: parse it once per queue
  const rubrics = new Map<string, RubricDimension[]>();
  const rubricOf = (item: (typeof items)[number]) => {
    let dims = rubrics.get(item.queueId);
    if (!dims) rubrics.set(item.queueId, (dims = parseDimensions(item.queue.scoreConfigVersion.dimensions)));
    return dims;
  };
  for (const item of items) {
    for (const dim of rubricOf(item)) {
      const entry = dims.get(dim.name) ?? { dim, units: [] };
      if (entry.dim.kind !== dim.kind) continue;
      entry.units.push(item.slots.map((s) => ((s.scores ?? {}) as Record<string, number | string | boolean>)[dim.name] ?? null));
      dims.set(dim.name, entry);
    }
  }
  const agreement = [...dims.entries()].map(([dimension, { dim, units }]) => {
    const r = krippendorffAlpha(units, agreementMetricOf(dim));
    return { dimension, alpha: r.alpha, units: r.units };
  });
  return { labelledItems: gold.size, agreement };
}
