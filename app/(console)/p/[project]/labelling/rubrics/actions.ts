"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { runProjectAction } from "@/lib/http/action";
import { createScoreConfig, createScoreConfigVersion } from "@/lib/labelling/score-configs";
import { ZCreateScoreConfig, ZCreateScoreConfigVersion } from "@/lib/labelling/schemas";

const ZId = z.string().min(1).max(64);

export async function createRubricAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateScoreConfig, input, async (p, body) => {
    const r = await createScoreConfig(p, body);
    return { id: r.id, name: r.name, version: r.latestVersion.version };
  });
  if (result.ok) revalidatePath(`/p/${slug}/labelling`, "layout");
  return result;
}

export async function createRubricVersionAction(slug: string, scoreConfigId: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateScoreConfigVersion, input, async (p, body) => {
    const r = await createScoreConfigVersion(p, parseOrThrow(ZId, scoreConfigId, "Rubric id"), body);
    return { id: r.id, name: r.name, version: r.latestVersion.version };
  });
  if (result.ok) revalidatePath(`/p/${slug}/labelling`, "layout");
  return result;
}
