import type { Role } from "../generated/prisma/enums";

// The one role table. Permissions are `resource:action`. API key scopes are a subset of these
// permission strings, so keys and people pass through exactly the same checks.

export const API_KEY_SCOPES = [
  "registry:read",
  "registry:write",
  "evals:write",
  "releases:write",
  "releases:deploy",
  "runtime:read",
  "traces:write",
  "traces:read",
  "budgets:write",
  "gateway:invoke",
  "feedback:write",
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const PERMISSIONS = [
  "project:read",
  "project:write",
  "organization:write",
  "members:read",
  "members:write",
  "apikeys:read",
  "apikeys:write",
  "audit:read",
  // people only: a review, a UAT sign-off and the final approval are a person's word
  "releases:review",
  "releases:signoff",
  "releases:approve",
  // people only: a label is a person's judgement (issue 7); manage = rubrics, queues, export to datasets
  "labels:write",
  "labels:adjudicate",
  "labels:manage",
  ...API_KEY_SCOPES,
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ["ADMIN", "ENGINEER", "REVIEWER", "APPROVER", "VIEWER"] as const satisfies readonly Role[];

const READ_ONLY: Permission[] = ["project:read", "members:read", "registry:read", "traces:read"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(PERMISSIONS),
  ENGINEER: new Set<Permission>([
    ...READ_ONLY, "audit:read", "registry:write", "evals:write", "releases:write", "runtime:read",
    "traces:write", "gateway:invoke", "feedback:write", "budgets:write", "releases:deploy",
    "labels:write", "labels:manage",
  ]),
  REVIEWER: new Set<Permission>([...READ_ONLY, "feedback:write", "releases:review", "labels:write", "labels:adjudicate"]),
  APPROVER: new Set<Permission>([...READ_ONLY, "audit:read", "releases:signoff"]),
  VIEWER: new Set<Permission>(READ_ONLY),
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: "Members, roles, API keys, settings and everything below",
  ENGINEER: "Authors prompts, models, datasets, evals and releases",
  REVIEWER: "Labels outputs and builds golden sets",
  APPROVER: "Signs off releases (UAT)",
  VIEWER: "Reads everything in the project, changes nothing",
};

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
