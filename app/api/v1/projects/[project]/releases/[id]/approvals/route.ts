import { apiRoute } from "@/lib/http/api-route";
import { recordApprovalRoute } from "@/lib/releases/routes";
import { recordApproval } from "@/lib/releases/workflow";

export const POST = apiRoute(recordApprovalRoute, ({ principal, params, body }) => recordApproval(principal, params.id, body));
