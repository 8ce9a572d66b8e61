import { apiRoute } from "@/lib/http/api-route";
import { getModelVersionRoute, updateModelVersionRoute } from "@/lib/registry/models/routes";
import { getModelVersion, updateModelVersion } from "@/lib/registry/models/service";

export const GET = apiRoute(getModelVersionRoute, ({ principal, params }) => getModelVersion(principal, params.id));
export const PATCH = apiRoute(updateModelVersionRoute, ({ principal, params, body }) => updateModelVersion(principal, params.id, body));
