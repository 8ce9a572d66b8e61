import { apiRoute } from "@/lib/http/api-route";
import { getScoreConfigRoute } from "@/lib/labelling/routes";
import { getScoreConfig } from "@/lib/labelling/score-configs";

export const GET = apiRoute(getScoreConfigRoute, ({ principal, params }) => getScoreConfig(principal, params.id));
