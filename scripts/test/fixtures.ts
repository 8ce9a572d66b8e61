import crypto from "node:crypto";
import { db, type Tx } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import type { Principal } from "../../lib/authz/principal";
import type { Role } from "../../lib/generated/prisma/enums";

// Each integration test builds its own organization, project and people, so tests never depend
// on each other's data or on the demo seed.

export const uid = () => crypto.randomBytes(4).toString("hex");

export async function makeProject(roles: Role[] = ["ADMIN"]) {
  const tag = uid();
  const org = await db().organization.create({ data: { name: `Org ${tag}` } });
  const project = await db().project.create({ data: { organizationId: org.id, slug: `p-${tag}`, name: `Project ${tag}` } });
  const passwordHash = await hashPassword("correct horse battery");
  const people: Record<string, { principal: Principal; userId: string; email: string; membershipId: string }> = {};
  for (const role of roles) {
    const email = `${role.toLowerCase()}-${tag}@test.flightdeck.dev`;
    const user = await db().user.create({ data: { email, name: `${role} ${tag}`, passwordHash } });
    const m = await db().membership.create({ data: { projectId: project.id, userId: user.id, role } });
    people[role] = { principal: { kind: "user", userId: user.id, label: user.name, projectId: project.id, role }, userId: user.id, email, membershipId: m.id };
  }
  return { org, project, people, as: (role: Role) => people[role].principal };
}

/**
 * Runs raw SQL against audit events the way only a database superuser could: with row triggers
 * (the append-only guard) switched off for this transaction. Tests use it to play the attacker.
 */
export async function asSuperuser(run: (tx: Tx) => Promise<unknown>) {
  await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await run(tx);
  });
}
