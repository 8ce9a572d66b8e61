import { apiRoute } from "@/lib/http/api-route";
import { getEnvironmentRoute } from "@/lib/environments/routes";
import { getEnvironment } from "@/lib/environments/service";

export const GET = apiRoute(getEnvironmentRoute, ({ principal, params }) => getEnvironment(principal, params.env));
