import { apiRoute } from "@/lib/http/api-route";
import { getCostSummaryRoute } from "@/lib/costs/routes";
import { getCostSummary } from "@/lib/costs/service";

export const GET = apiRoute(getCostSummaryRoute, ({ principal, query }) => getCostSummary(principal, query));
