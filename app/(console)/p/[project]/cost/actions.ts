"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runProjectAction } from "@/lib/http/action";
import { ZCreateBudget, ZUpdateBudget } from "@/lib/budgets/schemas";
import { createBudget, deleteBudget, updateBudget } from "@/lib/budgets/service";
import { ZEstimateQuery } from "@/lib/costs/schemas";
import { estimateFromEvalRun } from "@/lib/costs/service";

const revalidate = (slug: string) => revalidatePath(`/p/${slug}/cost`);
const ZId = z.object({ id: z.string().min(1).max(64) });

export async function createBudgetAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateBudget, input, createBudget);
  if (result.ok) revalidate(slug);
  return result;
}

export async function updateBudgetAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZUpdateBudget.extend(ZId.shape), input, (p, { id, ...rest }) => updateBudget(p, id, rest));
  if (result.ok) revalidate(slug);
  return result;
}

export async function deleteBudgetAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZId, input, (p, { id }) => deleteBudget(p, id));
  if (result.ok) revalidate(slug);
  return result;
}

export async function estimateCostAction(slug: string, input: unknown) {
  return runProjectAction(slug, ZEstimateQuery, input, estimateFromEvalRun);
}
