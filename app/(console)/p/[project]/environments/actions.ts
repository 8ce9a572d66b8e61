"use server";

import { revalidatePath } from "next/cache";
import { parseOrThrow } from "@/lib/errors";
import { runProjectAction } from "@/lib/http/action";
import { ZAbortCanary, ZEnvironmentName, ZGraduate, ZPromote, ZRollback, ZStartCanary, ZUpdateCanary } from "@/lib/environments/schemas";
import { abortCanary, graduateCanary, promoteRelease, rollbackProduction, startCanary, updateCanary } from "@/lib/environments/moves";

// One action per pointer move; each names the environment it moves. The services check the
// permission, the workflow's gate and the state of things, and refuse with the reason.

const revalidate = (slug: string) => {
  revalidatePath(`/p/${slug}/environments`);
  revalidatePath(`/p/${slug}/releases`, "layout");
};
const env = (name: string) => parseOrThrow(ZEnvironmentName, name, "Environment");
const done = <T extends { ok: boolean }>(slug: string, result: T) => {
  if (result.ok) revalidate(slug);
  return result;
};
const brief = (r: { environment: { name: string }; deployment: { action: string } }) => ({ environment: r.environment.name, action: r.deployment.action });

export async function promoteAction(slug: string, envName: string, input: unknown) {
  return done(slug, await runProjectAction(slug, ZPromote, input, async (p, body) => brief(await promoteRelease(p, env(envName), body))));
}

export async function startCanaryAction(slug: string, envName: string, input: unknown) {
  return done(slug, await runProjectAction(slug, ZStartCanary, input, async (p, body) => brief(await startCanary(p, env(envName), body))));
}

export async function updateCanaryAction(slug: string, envName: string, input: unknown) {
  return done(slug, await runProjectAction(slug, ZUpdateCanary, input, async (p, body) => brief(await updateCanary(p, env(envName), body))));
}

export async function graduateCanaryAction(slug: string, envName: string, input: unknown) {
  return done(slug, await runProjectAction(slug, ZGraduate, input, async (p, body) => brief(await graduateCanary(p, env(envName), body))));
}

export async function abortCanaryAction(slug: string, envName: string, input: unknown) {
  return done(slug, await runProjectAction(slug, ZAbortCanary, input, async (p, body) => brief(await abortCanary(p, env(envName), body))));
}

/** A person rolling the canary back: like an abort, but a reason is required and it is recorded as a rollback. */
export async function rollbackCanaryAction(slug: string, envName: string, input: unknown) {
  return done(slug, await runProjectAction(slug, ZRollback, input, async (p, body) => brief(await abortCanary(p, env(envName), { reason: body.reason, action: "rollback" }))));
}

export async function rollbackProductionAction(slug: string, envName: string, input: unknown) {
  return done(slug, await runProjectAction(slug, ZRollback, input, async (p, body) => brief(await rollbackProduction(p, env(envName), body))));
}

