import { apiRoute } from "@/lib/http/api-route";
import { searchRetrievalConfigRoute } from "@/lib/registry/retrieval/routes";
import { searchRetrievalConfig } from "@/lib/registry/retrieval/search-knowledge";

export const POST = apiRoute(searchRetrievalConfigRoute, ({ principal, params, body }) => searchRetrievalConfig(principal, params.name, params.version, body.query));
