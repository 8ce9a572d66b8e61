import { apiRoute } from "@/lib/http/api-route";
import { createEnvironmentRoute, listEnvironmentsRoute } from "@/lib/environments/routes";
import { createEnvironment, listEnvironments } from "@/lib/environments/service";

export const GET = apiRoute(listEnvironmentsRoute, async ({ principal }) => ({ environments: await listEnvironments(principal) }));
export const POST = apiRoute(createEnvironmentRoute, ({ principal, body }) => createEnvironment(principal, body));
