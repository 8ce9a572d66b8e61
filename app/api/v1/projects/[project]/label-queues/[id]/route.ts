import { apiRoute } from "@/lib/http/api-route";
import { getLabelQueueRoute, updateLabelQueueRoute } from "@/lib/labelling/routes";
import { getLabelQueue } from "@/lib/labelling/queues";
import { updateLabelQueue } from "@/lib/labelling/queues-settings";

export const GET = apiRoute(getLabelQueueRoute, ({ principal, params }) => getLabelQueue(principal, params.id));
export const PATCH = apiRoute(updateLabelQueueRoute, ({ principal, params, body }) => updateLabelQueue(principal, params.id, body));
