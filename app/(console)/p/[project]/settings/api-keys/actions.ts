"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runProjectAction } from "@/lib/http/action";
import { ZCreateApiKey } from "@/lib/apikeys/schemas";
import { createApiKey, revokeApiKey } from "@/lib/apikeys/service";

export async function createApiKeyAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateApiKey, input, createApiKey);
  revalidatePath(`/p/${slug}/settings/api-keys`);
  return result;
}

export async function revokeApiKeyAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, z.object({ id: z.string().min(1) }), input, (p, { id }) => revokeApiKey(p, id));
  revalidatePath(`/p/${slug}/settings/api-keys`);
  return result;
}
