"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { runProjectAction } from "@/lib/http/action";
import { ZExportGold, ZLabelBody } from "@/lib/labelling/annotate-schemas";
import { claimNext, skipSlot, submitLabel } from "@/lib/labelling/claims";
import { getMySlot } from "@/lib/labelling/claims-read";
import { adjudicate } from "@/lib/labelling/adjudication";
import { exportGoldLabels } from "@/lib/labelling/export";

const ZId = z.string().min(1).max(64);
const ZNone = z.unknown();
const revalidate = (slug: string, queueId: string) => revalidatePath(`/p/${slug}/labelling/${queueId}`, "layout");

export async function claimNextAction(slug: string, queueId: string) {
  return runProjectAction(slug, ZNone, null, async (p) => {
    const { created: _created, ...claim } = await claimNext(p, parseOrThrow(ZId, queueId, "Queue id"));
    return claim;
  });
}

export async function openMySlotAction(slug: string, slotId: string) {
  return runProjectAction(slug, ZNone, null, (p) => getMySlot(p, parseOrThrow(ZId, slotId, "Slot id")));
}

export async function submitLabelAction(slug: string, queueId: string, slotId: string, input: unknown) {
  const result = await runProjectAction(slug, ZLabelBody, input, (p, body) => submitLabel(p, parseOrThrow(ZId, slotId, "Slot id"), body));
  if (result.ok) revalidate(slug, queueId);
  return result;
}

export async function skipSlotAction(slug: string, queueId: string, slotId: string) {
  const result = await runProjectAction(slug, ZNone, null, (p) => skipSlot(p, parseOrThrow(ZId, slotId, "Slot id")));
  if (result.ok) revalidate(slug, queueId);
  return result;
}

export async function adjudicateAction(slug: string, queueId: string, itemId: string, input: unknown) {
  const result = await runProjectAction(slug, ZLabelBody, input, (p, body) => adjudicate(p, parseOrThrow(ZId, itemId, "Item id"), body));
  if (result.ok) revalidate(slug, queueId);
  return result;
}

export async function exportGoldAction(slug: string, queueId: string, input: unknown) {
  const result = await runProjectAction(slug, ZExportGold, input, (p, body) => exportGoldLabels(p, parseOrThrow(ZId, queueId, "Queue id"), body));
  if (result.ok) {
    revalidate(slug, queueId);
    revalidatePath(`/p/${slug}/datasets`, "layout");
  }
  return result;
}
