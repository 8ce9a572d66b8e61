import { apiRoute } from "@/lib/http/api-route";
import { transitionReleaseRoute } from "@/lib/releases/routes";
import { applyReleaseAction } from "@/lib/releases/workflow";

export const POST = apiRoute(transitionReleaseRoute, ({ principal, params, body }) => applyReleaseAction(principal, params.id, body.action, { reason: body.reason }));
