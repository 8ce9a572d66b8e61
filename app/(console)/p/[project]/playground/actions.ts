"use server";

import { revalidatePath } from "next/cache";
import { runProjectAction } from "@/lib/http/action";
import { ZAddDatasetItem, ZDatasetName } from "@/lib/datasets/schemas";
import { addDatasetItem } from "@/lib/datasets/change-items";

// A finished playground run saved as a golden item (issue 4). The target dataset travels in the body
// because the playground page is not under one dataset's URL.
const ZAddPlaygroundItem = ZAddDatasetItem.extend({ dataset: ZDatasetName });

export async function addPlaygroundItemAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZAddPlaygroundItem, input, (p, { dataset, ...item }) => addDatasetItem(p, dataset, item));
  if (result.ok) revalidatePath(`/p/${slug}/datasets`, "layout");
  return result;
}
