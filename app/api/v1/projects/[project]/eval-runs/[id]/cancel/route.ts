import { apiRoute } from "@/lib/http/api-route";
import { cancelEvalRunRoute } from "@/lib/evals/runs/routes";
import { cancelEvalRun } from "@/lib/evals/runs/service";

export const POST = apiRoute(cancelEvalRunRoute, ({ principal, params }) => cancelEvalRun(principal, params.id));
