import { apiRoute } from "@/lib/http/api-route";
import { compareEvalRunsRoute } from "@/lib/evals/runs/routes";
import { compareEvalRuns } from "@/lib/evals/runs/service";

export const GET = apiRoute(compareEvalRunsRoute, ({ principal, params, query }) => compareEvalRuns(principal, params.id, query.baseline));
