"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { runProjectAction } from "@/lib/http/action";
import { ZCreateRelease, ZRecordApproval, ZTransitionBody } from "@/lib/releases/schemas";
import { ZGateRules, createGatePolicy } from "@/lib/releases/policy";
import { createRelease } from "@/lib/releases/service";
import { recordApproval, requestReleaseAction } from "@/lib/releases/workflow";

const revalidate = (slug: string) => revalidatePath(`/p/${slug}/releases`, "layout");
const ZId = z.string().min(1).max(64);

export async function createReleaseAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCreateRelease, input, async (p, body) => {
    const r = await createRelease(p, body);
    return { id: r.id, version: r.version };
  });
  if (result.ok) revalidate(slug);
  return result;
}

export async function transitionReleaseAction(slug: string, releaseId: string, input: unknown) {
  const result = await runProjectAction(slug, ZTransitionBody, input, (p, body) => requestReleaseAction(p, parseOrThrow(ZId, releaseId, "Release id"), body.action, { reason: body.reason }));
  if (result.ok) revalidate(slug);
  return result;
}

export async function recordApprovalAction(slug: string, releaseId: string, input: unknown) {
  const result = await runProjectAction(slug, ZRecordApproval, input, async (p, body) => {
    const r = await recordApproval(p, parseOrThrow(ZId, releaseId, "Release id"), body);
    return { id: r.id, state: r.state };
  });
  if (result.ok) revalidate(slug);
  return result;
}

/** The rules as the form sends them (not wrapped), so a bad value is reported under its own field. */
export async function saveGatePolicyAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZGateRules, input, async (p, rules) => {
    const saved = await createGatePolicy(p, { rules });
    return { version: saved.version };
  });
  if (result.ok) revalidate(slug);
  return result;
}
