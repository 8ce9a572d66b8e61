import { db } from "../db";
import { appendAuditEvent } from "../audit/repo";
import { hashPassword } from "../auth/password";
import type { Role } from "../generated/prisma/enums";
import { seedRegistryDemo } from "./registry-demo";
import { seedDatasetsDemo } from "./datasets-demo";
import { seedEvalsDemo } from "./evals-demo";
import { seedTracesDemo } from "./traces-demo";
import { seedFeedbackDemo } from "./feedback-demo";
import { seedReleasesDemo } from "./releases-demo";
import { seedLabellingDemo } from "./labelling-demo";

// Demo data for a first start: organization "Demo", projects `demo` and `search`, one user per role.
// Demo mode only: these passwords are public, printed at start-up and in the README.

export const DEMO_ACCOUNTS: { role: Role; email: string; name: string; password: string }[] = [
  { role: "ADMIN", email: "admin@demo.flightdeck.dev", name: "Amira Admin", password: "demo-admin-pass" },
  { role: "ENGINEER", email: "engineer@demo.flightdeck.dev", name: "Eli Engineer", password: "demo-engineer-pass" },
  { role: "REVIEWER", email: "reviewer@demo.flightdeck.dev", name: "Rana Reviewer", password: "demo-reviewer-pass" },
  { role: "APPROVER", email: "approver@demo.flightdeck.dev", name: "Adam Approver", password: "demo-approver-pass" },
  { role: "VIEWER", email: "viewer@demo.flightdeck.dev", name: "Vera Viewer", password: "demo-viewer-pass" },
];

const SYSTEM = { actorType: "system", actorId: "seed", actorLabel: "Demo seed", requestId: null };

/** Creates what is missing; running it again changes nothing. Returns true when it created anything. */
export async function seedDemo(): Promise<boolean> {
  const core = await seedCore();
  const demo = await db().project.findUniqueOrThrow({ where: { slug: "demo" } });
  const registry = await seedRegistryDemo(demo.id);
  const datasets = await seedDatasetsDemo(demo.id);
  const evals = await seedEvalsDemo(demo.id);
  const traces = await seedTracesDemo(demo.id);
  const feedback = await seedFeedbackDemo(demo.id);
  const releases = await seedReleasesDemo(demo.id);
  const labelling = await seedLabellingDemo(demo.id);
  return core || registry || datasets || evals || traces || feedback || releases || labelling;
}

async function seedCore(): Promise<boolean> {
  if (await db().project.findUnique({ where: { slug: "demo" } })) return false;
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  await db().$transaction(async (tx) => {
    // a concurrent first start may have won the race; the unique slug makes this a no-op then
    if (await tx.project.findUnique({ where: { slug: "demo" } })) return;
    const org = await tx.organization.create({ data: { name: "Demo" } });
    const demo = await tx.project.create({ data: { organizationId: org.id, slug: "demo", name: "Demo assistant" } });
    const search = await tx.project.create({ data: { organizationId: org.id, slug: "search", name: "Search answers" } });
    for (const p of [demo, search]) {
      await appendAuditEvent(tx, { ...SYSTEM, projectId: p.id, action: "project.create", resourceType: "project", resourceId: p.id, after: { slug: p.slug, name: p.name } });
    }
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const existing = await tx.user.findUnique({ where: { email: a.email } });
      const user = existing ?? (await tx.user.create({ data: { email: a.email, name: a.name, passwordHash: hashes[i] } }));
      if (!existing) {
        await appendAuditEvent(tx, { ...SYSTEM, projectId: demo.id, action: "user.create", resourceType: "user", resourceId: user.id, after: { name: user.name } });
      }
      const m = await tx.membership.create({ data: { projectId: demo.id, userId: user.id, role: a.role } });
      await appendAuditEvent(tx, { ...SYSTEM, projectId: demo.id, action: "member.add", resourceType: "membership", resourceId: m.id, after: { userId: user.id, role: a.role } });
      if (a.role === "ADMIN" || a.role === "ENGINEER") {
        const m2 = await tx.membership.create({ data: { projectId: search.id, userId: user.id, role: a.role } });
        await appendAuditEvent(tx, { ...SYSTEM, projectId: search.id, action: "member.add", resourceType: "membership", resourceId: m2.id, after: { userId: user.id, role: a.role } });
      }
    }
  });
  return true;
}

/** Demo accounts (with their public passwords) that would survive a switch to production mode. */
export async function demoAccountsPresent(): Promise<string[]> {
  const users = await db().user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) }, disabledAt: null }, select: { email: true } });
  return users.map((u) => u.email);
}
