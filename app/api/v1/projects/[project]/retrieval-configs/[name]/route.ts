import { apiRoute } from "@/lib/http/api-route";
import { getRetrievalConfigRoute } from "@/lib/registry/retrieval/routes";
import { getRetrievalConfig } from "@/lib/registry/retrieval/service";

export const GET = apiRoute(getRetrievalConfigRoute, ({ principal, params }) => getRetrievalConfig(principal, params.name));
