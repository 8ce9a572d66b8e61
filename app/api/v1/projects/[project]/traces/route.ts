import { apiRoute } from "@/lib/http/api-route";
import { listTracesRoute } from "@/lib/traces/read-routes";
import { listTraces } from "@/lib/traces/query";

export const GET = apiRoute(listTracesRoute, ({ principal, query }) => listTraces(principal, query));
