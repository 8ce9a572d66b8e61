"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError, parseOrThrow } from "@/lib/errors";
import { runProjectAction } from "@/lib/http/action";
import { assertCan } from "@/lib/authz/principal";
import { enqueue } from "@/lib/queue/queue";
import { getLabelQueue } from "@/lib/labelling/queues";
import { updateLabelQueue } from "@/lib/labelling/queues-settings";
import { isRepeatingSource } from "@/lib/labelling/sources";
import { ZUpdateLabelQueue } from "@/lib/labelling/schemas";

const ZId = z.string().min(1).max(64);

export async function updateQueueAction(slug: string, queueId: string, input: unknown) {
  const result = await runProjectAction(slug, ZUpdateLabelQueue, input, async (p, body) => {
    const q = await updateLabelQueue(p, parseOrThrow(ZId, queueId, "Queue id"), body);
    return { id: q.id, archived: q.archivedAt !== null };
  });
  if (result.ok) revalidatePath(`/p/${slug}/labelling`, "layout");
  return result;
}

/** Asks the worker to sample a traces or feedback queue now instead of at its next run. */
export async function sampleNowAction(slug: string, queueId: string) {
  return runProjectAction(slug, ZId, queueId, async (p, id) => {
    assertCan(p, "labels:manage");
    const q = await getLabelQueue(p, id);
    if (!isRepeatingSource(q.source)) throw new AppError("CONFLICT", "An eval run queue took its items when it was made; there is nothing to sample.");
    if (q.archivedAt) throw new AppError("CONFLICT", "This queue is archived; unarchive it to sample again.");
    await enqueue("label.sample", { queueId: id });
    return { queued: true };
  });
}
