import { apiRoute } from "@/lib/http/api-route";
import { createScoreConfigRoute, listScoreConfigsRoute } from "@/lib/labelling/routes";
import { createScoreConfig, listScoreConfigs } from "@/lib/labelling/score-configs";

export const GET = apiRoute(listScoreConfigsRoute, async ({ principal }) => ({ scoreConfigs: await listScoreConfigs(principal) }));
export const POST = apiRoute(createScoreConfigRoute, ({ principal, body }) => createScoreConfig(principal, body));
