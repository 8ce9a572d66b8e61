import { apiRoute } from "@/lib/http/api-route";
import { getRetrievalConfigVersionRoute } from "@/lib/registry/retrieval/routes";
import { getRetrievalConfigVersion } from "@/lib/registry/retrieval/service";

export const GET = apiRoute(getRetrievalConfigVersionRoute, ({ principal, params }) => getRetrievalConfigVersion(principal, params.name, params.version));
