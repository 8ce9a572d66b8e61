"use server";

import { revalidatePath } from "next/cache";
import { runProjectAction } from "@/lib/http/action";
import { ZCreateProject, ZRenameOrganization, ZRenameProject } from "@/lib/projects/schemas";
import { createProject, updateOrganizationName, updateProjectName } from "@/lib/projects/service";
import { ZTraceSettings, updateTraceSettings } from "@/lib/traces/settings";
import { ZCalibrationSettings } from "@/lib/calibration/schemas";
import { updateCalibrationSettings } from "@/lib/calibration/service";

export async function renameProjectAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZRenameProject, input, (p, { name }) => updateProjectName(p, name).then((r) => ({ name: r.name })));
  revalidatePath(`/p/${slug}`, "layout");
  return result;
}

export async function renameOrganizationAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZRenameOrganization, input, (p, { name }) => updateOrganizationName(p, name).then((r) => ({ name: r.name })));
  revalidatePath(`/p/${slug}`, "layout");
  return result;
}

export async function createProjectAction(slug: string, input: unknown) {
  return runProjectAction(slug, ZCreateProject, input, (p, data) => createProject(p, data).then((r) => ({ slug: r.slug })));
}

export async function updateObservabilityAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZTraceSettings, input, (p, data) => updateTraceSettings(p, data));
  revalidatePath(`/p/${slug}/settings/general`);
  return result;
}

export async function updateCalibrationAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZCalibrationSettings, input, (p, data) => updateCalibrationSettings(p, data));
  revalidatePath(`/p/${slug}/settings/general`);
  revalidatePath(`/p/${slug}/evals/calibration`);
  return result;
}
