import { apiRoute } from "@/lib/http/api-route";
import { testConnectionRoute } from "@/lib/registry/connections/routes";
import { testConnection } from "@/lib/registry/connections/test-connection";

export const POST = apiRoute(testConnectionRoute, ({ principal, params }) => testConnection(principal, params.id));
