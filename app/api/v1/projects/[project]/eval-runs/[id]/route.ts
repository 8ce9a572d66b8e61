import { apiRoute } from "@/lib/http/api-route";
import { getEvalRunRoute } from "@/lib/evals/runs/routes";
import { getEvalRun } from "@/lib/evals/runs/service";

export const GET = apiRoute(getEvalRunRoute, ({ principal, params }) => getEvalRun(principal, params.id));
