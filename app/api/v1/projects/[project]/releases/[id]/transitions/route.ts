import { apiRoute } from "@/lib/http/api-route";
import { transitionReleaseRoute } from "@/lib/releases/routes";
import { requestReleaseAction } from "@/lib/releases/workflow";

export const POST = apiRoute(transitionReleaseRoute, ({ principal, params, body }) => requestReleaseAction(principal, params.id, body.action, { reason: body.reason }));
