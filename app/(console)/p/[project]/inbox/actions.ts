"use server";

import { revalidatePath } from "next/cache";
import { runProjectAction } from "@/lib/http/action";
import { ZMarkRead } from "@/lib/notifications/schemas";
import { markNotificationsRead } from "@/lib/notifications/service";

export async function markNotificationsReadAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZMarkRead, input, markNotificationsRead);
  if (result.ok) revalidatePath(`/p/${slug}/inbox`);
  return result;
}
