import { apiRoute } from "@/lib/http/api-route";
import { changeMemberRoleRoute, removeMemberRoute } from "@/lib/members/routes";
import { changeMemberRole, removeMember } from "@/lib/members/service";

export const PATCH = apiRoute(changeMemberRoleRoute, ({ principal, params, body }) => changeMemberRole(principal, params.id, body.role));
export const DELETE = apiRoute(removeMemberRoute, ({ principal, params }) => removeMember(principal, params.id));
