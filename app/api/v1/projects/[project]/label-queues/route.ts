import { apiRoute } from "@/lib/http/api-route";
import { createLabelQueueRoute, listLabelQueuesRoute } from "@/lib/labelling/routes";
import { createLabelQueue, listLabelQueues } from "@/lib/labelling/queues";

export const GET = apiRoute(listLabelQueuesRoute, async ({ principal, query }) => ({ queues: await listLabelQueues(principal, { archived: query.archived }) }));
export const POST = apiRoute(createLabelQueueRoute, ({ principal, body }) => createLabelQueue(principal, body));
