import { apiRoute } from "@/lib/http/api-route";
import { abortCanaryRoute } from "@/lib/environments/routes";
import { abortCanary } from "@/lib/environments/moves";

export const POST = apiRoute(abortCanaryRoute, ({ principal, params, body }) => abortCanary(principal, params.env, { reason: body.reason }));
