import { apiRoute } from "@/lib/http/api-route";
import { getReleaseRoute, updateReleaseRoute } from "@/lib/releases/routes";
import { getRelease, updateRelease } from "@/lib/releases/service";

export const GET = apiRoute(getReleaseRoute, ({ principal, params }) => getRelease(principal, params.id));
export const PATCH = apiRoute(updateReleaseRoute, ({ principal, params, body }) => updateRelease(principal, params.id, body));
