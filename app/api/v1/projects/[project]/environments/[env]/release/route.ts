import { apiRoute } from "@/lib/http/api-route";
import { resolveReleaseRoute } from "@/lib/environments/routes";
import { resolveResponse } from "@/lib/environments/resolve-response";

export const dynamic = "force-dynamic";

export const GET = apiRoute(resolveReleaseRoute, ({ principal, params, query, headers }) => resolveResponse(principal, params.env, query.key, headers));
