import { apiRoute } from "@/lib/http/api-route";
import { buildIndexRoute, getIndexBuildRoute } from "@/lib/registry/retrieval/routes";
import { buildIndexByName, getIndexBuildByName } from "@/lib/registry/retrieval/index-build";

export const POST = apiRoute(buildIndexRoute, ({ principal, params }) => buildIndexByName(principal, params.name, params.version));
export const GET = apiRoute(getIndexBuildRoute, ({ principal, params }) => getIndexBuildByName(principal, params.name, params.version));
