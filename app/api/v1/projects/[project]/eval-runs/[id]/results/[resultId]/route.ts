import { apiRoute } from "@/lib/http/api-route";
import { getEvalResultRoute } from "@/lib/evals/runs/routes";
import { getEvalResult } from "@/lib/evals/runs/service";

export const GET = apiRoute(getEvalResultRoute, ({ principal, params }) => getEvalResult(principal, params.id, params.resultId));
