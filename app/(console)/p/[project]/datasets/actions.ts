"use server";

import { revalidatePath } from "next/cache";
import { runProjectAction } from "@/lib/http/action";
import { ZCreateDataset, ZDatasetName, ZImportDataset } from "@/lib/datasets/schemas";
import { createDataset } from "@/lib/datasets/service";
import { importDatasetItems } from "@/lib/datasets/change-items";

const revalidate = (slug: string) => revalidatePath(`/p/${slug}/datasets`, "layout");

export async function createDatasetAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateDataset, input, createDataset);
  if (result.ok) revalidate(slug);
  return result;
}

export async function importDatasetAction(slug: string, input: unknown) {
  const schema = ZImportDataset.extend({ name: ZDatasetName });
  const result = await runProjectAction(slug, schema, input, (p, { name, ...file }) => importDatasetItems(p, name, file));
  if (result.ok) revalidate(slug);
  return result;
}
