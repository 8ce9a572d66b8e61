"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runProjectAction } from "@/lib/http/action";
import { ZAddMember, ZChangeRole } from "@/lib/members/schemas";
import { addMember, changeMemberRole, removeMember } from "@/lib/members/service";

const ZId = z.object({ id: z.string().min(1) });

export async function addMemberAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZAddMember, input, addMember);
  revalidatePath(`/p/${slug}/settings/members`);
  return result;
}

export async function changeRoleAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZChangeRole.extend(ZId.shape), input, (p, { id, role }) => changeMemberRole(p, id, role));
  revalidatePath(`/p/${slug}/settings/members`);
  return result;
}

export async function removeMemberAction(slug: string, input: unknown) {
  const result = await runProjectAction(slug, ZId, input, (p, { id }) => removeMember(p, id));
  revalidatePath(`/p/${slug}/settings/members`);
  return result;
}
