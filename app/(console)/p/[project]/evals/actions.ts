"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runProjectAction } from "@/lib/http/action";
import { createEvalRun } from "@/lib/evals/runs/create-run";
import { ZCreateEvalRun } from "@/lib/evals/runs/schemas";
import { cancelEvalRun } from "@/lib/evals/runs/service";

const revalidate = (slug: string) => revalidatePath(`/p/${slug}/evals`, "layout");

export async function createEvalRunAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateEvalRun, input, createEvalRun);
  if (result.ok) revalidate(slug);
  return result;
}

export async function cancelEvalRunAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, z.object({ id: z.string().min(1).max(64) }), input, (p, { id }) => cancelEvalRun(p, id));
  if (result.ok) revalidate(slug);
  return result;
}
