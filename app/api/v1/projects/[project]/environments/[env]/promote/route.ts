import { apiRoute } from "@/lib/http/api-route";
import { promoteRoute } from "@/lib/environments/routes";
import { promoteRelease } from "@/lib/environments/moves";

export const POST = apiRoute(promoteRoute, ({ principal, params, body }) => promoteRelease(principal, params.env, body));
