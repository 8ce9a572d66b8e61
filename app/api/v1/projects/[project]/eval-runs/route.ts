import { apiRoute } from "@/lib/http/api-route";
import { createEvalRunRoute, listEvalRunsRoute } from "@/lib/evals/runs/routes";
import { createEvalRun } from "@/lib/evals/runs/create-run";
import { listEvalRuns } from "@/lib/evals/runs/service";

export const GET = apiRoute(listEvalRunsRoute, async ({ principal, query }) => ({ runs: await listEvalRuns(principal, query) }));
export const POST = apiRoute(createEvalRunRoute, ({ principal, body }) => createEvalRun(principal, body));
