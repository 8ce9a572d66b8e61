import { apiRoute } from "@/lib/http/api-route";
import { addMemberRoute, listMembersRoute } from "@/lib/members/routes";
import { addMember, listMembers } from "@/lib/members/service";

export const GET = apiRoute(listMembersRoute, async ({ principal }) => ({ members: await listMembers(principal) }));
export const POST = apiRoute(addMemberRoute, ({ principal, body }) => addMember(principal, body));
