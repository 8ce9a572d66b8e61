import { apiRoute } from "@/lib/http/api-route";
import { listDeploymentsRoute } from "@/lib/environments/routes";
import { listDeployments } from "@/lib/environments/service";

export const GET = apiRoute(listDeploymentsRoute, async ({ principal, params, query }) => ({ deployments: await listDeployments(principal, params.env, query.limit) }));
