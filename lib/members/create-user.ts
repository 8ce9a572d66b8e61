import { db } from "../db";
import { AppError } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { hashPassword } from "../auth/password";
import { findUserByEmail } from "./repo";
import { generateTemporaryPassword } from "./service";
import type { TCreateUser } from "./schemas";

type Actor = { actorType: string; actorId: string; actorLabel: string };

/** Creates an account (admin CLI), optionally with a role in one project. */
export async function createUser(input: TCreateUser, actor: Actor) {
  if (await findUserByEmail(input.email)) throw new AppError("CONFLICT", `A user with email ${input.email} already exists.`);
  const generated = input.password ? null : generateTemporaryPassword();
  const passwordHash = await hashPassword(input.password ?? generated!);
  const user = await db().$transaction(async (tx) => {
    const project = input.project ? await tx.project.findUnique({ where: { slug: input.project } }) : null;
    if (input.project && !project) throw new AppError("NOT_FOUND", `No project with slug "${input.project}".`);
    const u = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
    await appendAuditEvent(tx, { ...actor, projectId: project?.id ?? null, action: "user.create", resourceType: "user", resourceId: u.id, after: { name: u.name } });
    if (project && input.role) {
      const m = await tx.membership.create({ data: { projectId: project.id, userId: u.id, role: input.role } });
      await appendAuditEvent(tx, { ...actor, projectId: project.id, action: "member.add", resourceType: "membership", resourceId: m.id, after: { userId: u.id, role: m.role } });
    }
    return u;
  });
  return { user, password: generated };
}
