import { db } from "../db";
import { AppError } from "../errors";
import { appendAuditEvent } from "../audit/repo";
import { assertCan, auditActor, type Principal } from "../authz/principal";
import {
  findMembershipBySlug, findMembershipsOfUser, findProjectById, findProjectBySlug, insertAdminMembership,
  insertProject, renameOrganization, renameProject,
} from "./repo";
import type { TCreateProject } from "./schemas";

export async function listProjectsForUser(userId: string) {
  return (await findMembershipsOfUser(userId)).map((m) => ({
    slug: m.project.slug,
    name: m.project.name,
    role: m.role,
    organization: m.project.organization.name,
  }));
}

/**
 * The user acting in one project. A project the user is not a member of is reported exactly like
 * one that does not exist (404), so slugs of other teams' projects do not leak.
 */
export async function userPrincipal(user: { id: string; name: string; email: string }, slug: string, requestId?: string) {
  const m = await findMembershipBySlug(user.id, slug);
  if (!m) throw new AppError("NOT_FOUND", `No project "${slug}" that you are a member of.`);
  const principal: Principal = { kind: "user", userId: user.id, label: user.name || user.email, projectId: m.projectId, role: m.role, requestId };
  return { principal, project: m.project };
}

/** 404 unless the principal acts in the project with this slug (a key used on another project's path). */
// Slugs never change once a project exists, so the id → slug answer can be kept (the API's hot path
// would otherwise read Postgres on every call); a deleted project takes its keys and members with it.
const slugById = new Map<string, string>();

export async function assertProjectSlug(principal: Principal, slug: string) {
  let known = slugById.get(principal.projectId);
  if (known === undefined) {
    const p = await findProjectById(db(), principal.projectId);
    if (p) {
      if (slugById.size > 10_000) slugById.clear();
      slugById.set(p.id, p.slug);
      known = p.slug;
    }
  }
  if (known !== slug) throw new AppError("NOT_FOUND", `No project "${slug}" for these credentials.`);
}

/** Every caller of a project, whatever its role or scopes, may read the project's own name. */
export async function getProject(principal: Principal) {
  const p = await findProjectById(db(), principal.projectId);
  if (!p) throw new AppError("NOT_FOUND", "Project not found.");
  return { id: p.id, slug: p.slug, name: p.name, organization: { id: p.organization.id, name: p.organization.name } };
}

export async function updateProjectName(principal: Principal, name: string) {
  assertCan(principal, "project:write");
  return db().$transaction(async (tx) => {
    const before = await findProjectById(tx, principal.projectId);
    if (!before) throw new AppError("NOT_FOUND", "Project not found.");
    const after = await renameProject(tx, principal.projectId, name);
    await appendAuditEvent(tx, { ...auditActor(principal), action: "project.rename", resourceType: "project", resourceId: after.id, before: { name: before.name }, after: { name: after.name } });
    return after;
  });
}

export async function updateOrganizationName(principal: Principal, name: string) {
  assertCan(principal, "organization:write");
  return db().$transaction(async (tx) => {
    const project = await findProjectById(tx, principal.projectId);
    if (!project) throw new AppError("NOT_FOUND", "Project not found.");
    const after = await renameOrganization(tx, project.organizationId, name);
    await appendAuditEvent(tx, { ...auditActor(principal), action: "organization.rename", resourceType: "organization", resourceId: after.id, before: { name: project.organization.name }, after: { name: after.name } });
    return after;
  });
}

/** A new project in the caller's organization; its creator becomes its first admin. */
export async function createProject(principal: Principal, input: TCreateProject) {
  assertCan(principal, "organization:write");
  if (principal.kind !== "user") throw new AppError("FORBIDDEN", "Projects are created by people, not API keys.");
  const userId = principal.userId;
  return db().$transaction(async (tx) => {
    const current = await findProjectById(tx, principal.projectId);
    if (!current) throw new AppError("NOT_FOUND", "Project not found.");
    if (await findProjectBySlug(tx, input.slug)) throw new AppError("CONFLICT", `The slug "${input.slug}" is taken.`);
    const project = await insertProject(tx, current.organizationId, input.slug, input.name);
    const membership = await insertAdminMembership(tx, project.id, userId);
    const actor = { ...auditActor(principal), projectId: project.id };
    await appendAuditEvent(tx, { ...actor, action: "project.create", resourceType: "project", resourceId: project.id, after: { slug: project.slug, name: project.name } });
    await appendAuditEvent(tx, { ...actor, action: "member.add", resourceType: "membership", resourceId: membership.id, after: { userId, role: membership.role } });
    return project;
  });
}
