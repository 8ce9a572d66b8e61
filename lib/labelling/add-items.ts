import type { Prisma, Tx } from "../db";

// The one way items enter a queue, whatever their source: each item gets the queue's number of slots
// in the same transaction, and an item already in the queue (same source kind and id) is skipped, so a
// sampler that runs twice over the same window adds nothing twice.

export interface NewLabelItem {
  sourceKind: "eval_result" | "trace";
  sourceId: string;
  input: string;
  context?: { text: string; docId?: string }[] | null;
  output: string;
  reference?: string | null;
  language: string;
  stratum?: string | null;
  meta: Prisma.InputJsonValue;
}

/** Adds the items not yet in the queue, in order, after its last one; returns how many were added. */
export async function addLabelItems(tx: Tx, queueId: string, items: NewLabelItem[]): Promise<number> {
  // serialises concurrent adders on this queue: positions are consecutive and unique
  const [queue] = await tx.$queryRaw<{ projectId: string; annotatorsPerItem: number }[]>`
    SELECT "projectId", "annotatorsPerItem" FROM "LabelQueue" WHERE id = ${queueId} FOR UPDATE`;
  if (!queue || items.length === 0) return 0;
  const existing = await tx.labelItem.findMany({
    where: { queueId, sourceId: { in: items.map((i) => i.sourceId) } },
    select: { sourceKind: true, sourceId: true },
  });
  const seen = new Set(existing.map((e) => `${e.sourceKind}:${e.sourceId}`));
  const fresh = items.filter((i) => {
    const k = `${i.sourceKind}:${i.sourceId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (fresh.length === 0) return 0;
  const last = await tx.labelItem.aggregate({ where: { queueId }, _max: { position: true } });
  const start = (last._max.position ?? -1) + 1;
  const created = await tx.labelItem.createManyAndReturn({
    data: fresh.map((i, n) => ({
      projectId: queue.projectId, queueId, sourceKind: i.sourceKind, sourceId: i.sourceId, position: start + n,
      input: i.input, context: i.context ?? undefined, output: i.output, reference: i.reference ?? null,
      language: i.language, stratum: i.stratum ?? null, meta: i.meta,
    })),
    select: { id: true },
  });
  await tx.labelSlot.createMany({
    data: created.flatMap((item) =>
      Array.from({ length: queue.annotatorsPerItem }, (_, slot) => ({ projectId: queue.projectId, queueId, itemId: item.id, slot })),
    ),
  });
  return created.length;
}
