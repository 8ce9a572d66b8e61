import { apiRoute } from "@/lib/http/api-route";
import { adjudicateRoute } from "@/lib/labelling/annotate-routes";
import { adjudicate } from "@/lib/labelling/adjudication";

export const POST = apiRoute(adjudicateRoute, ({ principal, params, body }) => adjudicate(principal, params.itemId, body));
