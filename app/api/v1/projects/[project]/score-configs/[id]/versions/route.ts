import { apiRoute } from "@/lib/http/api-route";
import { createScoreConfigVersionRoute } from "@/lib/labelling/routes";
import { createScoreConfigVersion } from "@/lib/labelling/score-configs";

export const POST = apiRoute(createScoreConfigVersionRoute, ({ principal, params, body }) => createScoreConfigVersion(principal, params.id, body));
