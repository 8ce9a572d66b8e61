import { apiRoute } from "@/lib/http/api-route";
import { estimateCostRoute } from "@/lib/costs/routes";
import { estimateFromEvalRun } from "@/lib/costs/service";

export const GET = apiRoute(estimateCostRoute, ({ principal, query }) => estimateFromEvalRun(principal, query));
