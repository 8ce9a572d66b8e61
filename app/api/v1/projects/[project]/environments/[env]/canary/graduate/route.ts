import { apiRoute } from "@/lib/http/api-route";
import { graduateCanaryRoute } from "@/lib/environments/routes";
import { graduateCanary } from "@/lib/environments/moves";

export const POST = apiRoute(graduateCanaryRoute, ({ principal, params, body }) => graduateCanary(principal, params.env, { reason: body.reason }));
