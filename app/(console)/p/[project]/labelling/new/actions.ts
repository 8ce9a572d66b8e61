"use server";

import { revalidatePath } from "next/cache";
import { runProjectAction } from "@/lib/http/action";
import { createLabelQueue } from "@/lib/labelling/queues";
import { ZCreateLabelQueue } from "@/lib/labelling/schemas";

export async function createQueueAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateLabelQueue, input, async (p, body) => {
    const q = await createLabelQueue(p, body);
    return { id: q.id, name: q.name, items: q.items };
  });
  if (result.ok) revalidatePath(`/p/${slug}/labelling`, "layout");
  return result;
}
