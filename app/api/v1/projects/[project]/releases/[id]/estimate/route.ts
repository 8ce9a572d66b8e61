import { apiRoute } from "@/lib/http/api-route";
import { releaseEstimateRoute } from "@/lib/releases/routes";
import { estimateReleaseCost } from "@/lib/releases/service";

export const GET = apiRoute(releaseEstimateRoute, ({ principal, params, query }) => estimateReleaseCost(principal, params.id, query.requestsPerDay));
