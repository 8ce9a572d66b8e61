"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runProjectAction } from "@/lib/http/action";
import { ZCreatePromptVersion, ZPromptName, ZRestorePromptVersion, ZUpdatePromptTags } from "@/lib/registry/prompts/schemas";
import { createPromptVersion, restorePromptVersion, updatePromptTags } from "@/lib/registry/prompts/service";

const ZNamed = z.object({ name: ZPromptName });

export async function savePromptVersionAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreatePromptVersion, input, createPromptVersion);
  if (result.ok) revalidatePath(`/p/${slug}/prompts`, "layout");
  return result;
}

export async function restorePromptVersionAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZRestorePromptVersion.extend(ZNamed.shape), input, (p, { name, version, changelog }) =>
    restorePromptVersion(p, name, version, changelog),
  );
  if (result.ok) revalidatePath(`/p/${slug}/prompts`, "layout");
  return result;
}

export async function updatePromptTagsAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZUpdatePromptTags.extend(ZNamed.shape), input, (p, { name, tags }) => updatePromptTags(p, name, tags));
  if (result.ok) revalidatePath(`/p/${slug}/prompts`, "layout");
  return result;
}
