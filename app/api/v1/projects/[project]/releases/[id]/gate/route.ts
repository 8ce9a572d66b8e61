import { apiRoute } from "@/lib/http/api-route";
import { releaseGateRoute } from "@/lib/releases/routes";
import { releaseGate } from "@/lib/releases/service";

export const GET = apiRoute(releaseGateRoute, ({ principal, params, query }) => releaseGate(principal, params.id, query.action));
