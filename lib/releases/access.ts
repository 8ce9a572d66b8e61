import { assertCan, can, type Principal } from "../authz/principal";
import type { Permission } from "../authz/permissions";

const READ_PERMISSIONS: Permission[] = ["project:read", "registry:read", "releases:write", "releases:deploy", "runtime:read"];

/** Releases (and the gate policy) are read by every member and by keys that read the registry, write, deploy or resolve releases. */
export function assertCanReadReleases(principal: Principal) {
  if (!READ_PERMISSIONS.some((p) => can(principal, p))) assertCan(principal, "registry:read");
}
