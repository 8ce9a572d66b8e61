import { cache } from "react";
import { forbidden, notFound, redirect } from "next/navigation";
import { AppError } from "../errors";
import { can, type Principal } from "../authz/principal";
import type { Permission } from "../authz/permissions";
import { listProjectsForUser, userPrincipal } from "../projects/service";
import { currentUser } from "./session";

/**
 * The console's view of a request: signed-in user, their role in the project of the URL and the
 * projects they can switch to. Cached per request so layout and page resolve it once.
 */
export const consoleContext = cache(async (slug: string) => {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/p/${slug}`)}`);
  try {
    const { principal, project } = await userPrincipal(user, slug);
    const projects = await listProjectsForUser(user.id);
    return { user: { id: user.id, name: user.name, email: user.email }, principal, project, projects };
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
});

/** For pages: the context, or Next's 403 page when the role lacks the permission. */
export async function requirePermission(slug: string, permission: Permission) {
  const ctx = await consoleContext(slug);
  if (!can(ctx.principal, permission)) forbidden();
  return ctx;
}

export function permissionsOf(principal: Principal, list: readonly Permission[]): Permission[] {
  return list.filter((p) => can(principal, p));
}
