import { apiRoute } from "@/lib/http/api-route";
import { listEvalResultsRoute } from "@/lib/evals/runs/routes";
import { listEvalResults } from "@/lib/evals/runs/service";

export const GET = apiRoute(listEvalResultsRoute, ({ principal, params, query }) => listEvalResults(principal, params.id, query));
