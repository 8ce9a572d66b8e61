import { apiRoute } from "@/lib/http/api-route";
import { startCanaryRoute, updateCanaryRoute } from "@/lib/environments/routes";
import { startCanary, updateCanary } from "@/lib/environments/moves";

export const POST = apiRoute(startCanaryRoute, ({ principal, params, body }) => startCanary(principal, params.env, body));
export const PATCH = apiRoute(updateCanaryRoute, ({ principal, params, body }) => updateCanary(principal, params.env, body));
