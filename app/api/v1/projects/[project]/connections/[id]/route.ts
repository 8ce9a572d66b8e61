import { apiRoute } from "@/lib/http/api-route";
import { getConnectionRoute, updateConnectionRoute } from "@/lib/registry/connections/routes";
import { getConnection, updateConnection } from "@/lib/registry/connections/service";

export const GET = apiRoute(getConnectionRoute, ({ principal, params }) => getConnection(principal, params.id));
export const PATCH = apiRoute(updateConnectionRoute, ({ principal, params, body }) => updateConnection(principal, params.id, body));
