import { apiRoute } from "@/lib/http/api-route";
import { getTraceRoute } from "@/lib/traces/read-routes";
import { getTrace } from "@/lib/traces/query";

export const GET = apiRoute(getTraceRoute, ({ principal, params }) => getTrace(principal, params.traceId));
