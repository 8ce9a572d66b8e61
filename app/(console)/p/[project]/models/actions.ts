"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runProjectAction } from "@/lib/http/action";
import { ZCreateConnection, ZUpdateConnection } from "@/lib/registry/connections/schemas";
import { createConnection, updateConnection } from "@/lib/registry/connections/service";
import { testConnection } from "@/lib/registry/connections/test-connection";
import { ZCreateModelVersion, ZUpdateModelVersion } from "@/lib/registry/models/schemas";
import { createModelVersion, updateModelVersion } from "@/lib/registry/models/service";

const ZId = z.object({ id: z.string().min(1) });

export async function createConnectionAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateConnection, input, createConnection);
  revalidatePath(`/p/${slug}/models`);
  return result;
}

export async function updateConnectionAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZUpdateConnection.extend(ZId.shape), input, (p, { id, ...rest }) => updateConnection(p, id, rest));
  revalidatePath(`/p/${slug}/models`);
  return result;
}

export async function testConnectionAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZId, input, (p, { id }) => testConnection(p, id));
  revalidatePath(`/p/${slug}/models`);
  return result;
}

export async function createModelVersionAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateModelVersion, input, createModelVersion);
  revalidatePath(`/p/${slug}/models`);
  return result;
}

export async function updateModelVersionAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZUpdateModelVersion.extend(ZId.shape), input, (p, { id, ...rest }) => updateModelVersion(p, id, rest));
  revalidatePath(`/p/${slug}/models`);
  return result;
}
