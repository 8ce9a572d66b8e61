import type { Role } from "../generated/prisma/enums";
import { AppError } from "../errors";
import { ROLE_PERMISSIONS, type Permission } from "./permissions";

// Who is calling, resolved for one project: a signed-in member or a project API key.
// requestId travels with it so audit events can be matched to log lines.
export type Principal = (
  | { kind: "user"; userId: string; label: string; projectId: string; role: Role }
  | { kind: "apiKey"; apiKeyId: string; label: string; projectId: string; scopes: readonly string[] }
  // the admin CLI: whoever runs it already holds the server's credentials
  | { kind: "system"; actorId: string; label: string; projectId: string }
) & { requestId?: string };

export function can(principal: Principal, permission: Permission): boolean {
  switch (principal.kind) {
    case "user":
      return ROLE_PERMISSIONS[principal.role].has(permission);
    case "apiKey":
      return principal.scopes.includes(permission);
    case "system":
      return true;
  }
}

/** Throws 403 unless the principal holds the permission. */
export function assertCan(principal: Principal, permission: Permission): void {
  if (!can(principal, permission)) {
    throw new AppError("FORBIDDEN", `This action needs the "${permission}" permission.`);
  }
}

/** The audit fields that name who acted, for events in the principal's project. */
export function auditActor(principal: Principal) {
  const actorId = principal.kind === "user" ? principal.userId : principal.kind === "apiKey" ? principal.apiKeyId : principal.actorId;
  const who = { actorType: principal.kind, actorId, actorLabel: principal.label };
  return { ...who, projectId: principal.projectId, requestId: principal.requestId ?? null };
}
