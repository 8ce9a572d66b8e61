import { apiRoute } from "@/lib/http/api-route";
import { rollbackRoute } from "@/lib/environments/routes";
import { rollbackProduction } from "@/lib/environments/moves";

export const POST = apiRoute(rollbackRoute, ({ principal, params, body }) => rollbackProduction(principal, params.env, body));
