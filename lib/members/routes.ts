import { z } from "zod";
import { defineContract } from "../http/contract";
import { ZAddMember, ZAddedMember, ZChangeRole, ZMember } from "./schemas";

const ZMemberIdParam = z.object({ id: z.string().min(1).max(64) });

export const listMembersRoute = defineContract({
  method: "GET", path: "/api/v1/members", tag: "Members", summary: "List the project's members and their roles",
  permission: "members:read", response: z.object({ members: z.array(ZMember) }),
});

export const addMemberRoute = defineContract({
  method: "POST", path: "/api/v1/members", tag: "Members", summary: "Add a person by email with a role",
  permission: "members:write", body: ZAddMember, response: ZAddedMember, status: 201,
});

export const changeMemberRoleRoute = defineContract({
  method: "PATCH", path: "/api/v1/members/{id}", tag: "Members", summary: "Change a member's role",
  permission: "members:write", params: ZMemberIdParam, body: ZChangeRole, response: ZMember,
});

export const removeMemberRoute = defineContract({
  method: "DELETE", path: "/api/v1/members/{id}", tag: "Members", summary: "Remove a member (never the last admin)",
  permission: "members:write", params: ZMemberIdParam, response: z.null(), status: 204,
});
