import { AppError } from "../errors";
import { assertCan, type Principal } from "../authz/principal";
import { createDataset, listDatasets } from "../datasets/service";
import { putDatasetItems } from "../datasets/change-items";
import { normalizeItem } from "../datasets/content";
import { ZDatasetItemInput, type DatasetItem } from "../datasets/schemas";
import type { GoldLabel } from "./rubric";
import type { TExportGold, TExportResult } from "./annotate-schemas";
import { queueOrThrow } from "./claims";
import { findGoldItems, findSourceDatasetItems } from "./claims-repo";
import { db } from "../db";

// Golden-set building (issue 7): a queue's gold items become a new version of a dataset, through the
// dataset service (content-hashed, copy-on-write versions, audited there). The corrected answer is the
// reference; without one the item keeps the reference it had. Exporting again replaces the items with
// the same key, so re-exporting after more items turned gold updates rather than duplicates.

type GoldItem = Awaited<ReturnType<typeof findGoldItems>>[number];
interface EvalMeta { itemKey?: string; inputs?: Record<string, unknown>; datasetItemId?: string }

/** The dataset item a gold label item becomes (throws 422 naming the item if it cannot be one). */
export function datasetItemOf(i: GoldItem, source?: { relevantDocIds: string[]; split: string }): DatasetItem {
  const gold = i.gold as unknown as GoldLabel;
  const meta = (i.meta ?? {}) as EvalMeta;
  const isEval = i.sourceKind === "eval_result";
  const context = (i.context as { text: string; docId?: string }[] | null) ?? null;
  const raw = {
    key: isEval && meta.itemKey ? meta.itemKey : `trace-${i.sourceId}`,
    // traces answer the demo prompt's one variable, the customer's question
    inputs: isEval && meta.inputs && Object.keys(meta.inputs).length ? meta.inputs : { question: i.input },
    contextChunks: context?.filter((c) => c.text).map((c) => ({ text: c.text, ...(c.docId ? { docId: c.docId } : {}) })) ?? null,
    reference: gold.correction?.trim() || i.reference || null,
    relevantDocIds: source?.relevantDocIds ?? [],
    tags: [...new Set(["gold", ...gold.tags])].slice(0, 20),
    language: i.language,
    ...(source?.split ? { split: source.split } : {}),
  };
  const parsed = ZDatasetItemInput.safeParse(raw);
  if (!parsed.success) {
    const why = parsed.error.issues.map((e) => `${e.path.join(".") || "item"}: ${e.message}`).join("; ");
    throw new AppError("VALIDATION", `Item #${i.position + 1} cannot become a dataset item — ${why}.`, [{ field: `items.${i.position}`, message: why }]);
  }
  return normalizeItem(parsed.data) as DatasetItem;
}

export async function exportGoldLabels(principal: Principal, queueId: string, input: TExportGold): Promise<TExportResult> {
  assertCan(principal, "labels:manage");
  const q = await queueOrThrow(db(), principal, queueId);
  const gold = await findGoldItems(principal.projectId, q.id);
  if (!gold.length) throw new AppError("CONFLICT", `Queue "${q.name}" has no gold-labelled items yet; nothing to export.`);
  const sourceIds = gold.flatMap((i) => ((i.meta as EvalMeta)?.datasetItemId ? [(i.meta as EvalMeta).datasetItemId!] : []));
  const sources = new Map((await findSourceDatasetItems(principal.projectId, sourceIds)).map((s) => [s.id, s]));
  const items = gold.map((i) => datasetItemOf(i, sources.get((i.meta as EvalMeta)?.datasetItemId ?? "")));
  const keys = new Set<string>();
  for (const it of items) {
    if (keys.has(it.key)) throw new AppError("VALIDATION", `Two gold items would share the dataset key "${it.key}"; export them to separate datasets.`);
    keys.add(it.key);
  }

  let name: string;
  if ("name" in input.dataset) {
    // validated before the dataset exists, so a refused export leaves no empty dataset behind
    name = (await createDataset(principal, { name: input.dataset.name, description: `Gold labels from labelling queue "${q.name}"`, tags: ["gold"] })).name;
  } else {
    const id = input.dataset.id;
    const found = (await listDatasets(principal)).find((d) => d.id === id);
    if (!found) throw new AppError("NOT_FOUND", `No dataset "${id}" in this project.`);
    name = found.name;
  }
  const changelog = input.changelog?.trim() || `${items.length} gold label${items.length === 1 ? "" : "s"} from labelling queue "${q.name}"`;
  const saved = await putDatasetItems(principal, name, items, changelog, { source: "labelling.export", queueId: q.id, queueName: q.name, goldItems: items.length });
  return { datasetId: saved.datasetId, name: saved.name, version: saved.version, items: items.length, unchanged: saved.unchanged };
}
