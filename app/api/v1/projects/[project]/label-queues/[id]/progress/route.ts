import { apiRoute } from "@/lib/http/api-route";
import { progressRoute } from "@/lib/labelling/annotate-routes";
import { getQueueProgress } from "@/lib/labelling/progress";

export const GET = apiRoute(progressRoute, ({ principal, params }) => getQueueProgress(principal, params.id));
