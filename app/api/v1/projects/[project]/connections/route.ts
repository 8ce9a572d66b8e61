import { apiRoute } from "@/lib/http/api-route";
import { createConnectionRoute, listConnectionsRoute } from "@/lib/registry/connections/routes";
import { createConnection, listConnections } from "@/lib/registry/connections/service";

export const GET = apiRoute(listConnectionsRoute, async ({ principal }) => ({ connections: await listConnections(principal) }));
export const POST = apiRoute(createConnectionRoute, ({ principal, body }) => createConnection(principal, body));
