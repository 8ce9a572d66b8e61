import { apiRoute } from "@/lib/http/api-route";
import { eventStreamResponse } from "@/lib/http/event-stream";
import { runPlaygroundRoute } from "@/lib/registry/playground/routes";
import { preparePlaygroundRun, streamPlaygroundRun } from "@/lib/registry/playground/service";

export const POST = apiRoute(runPlaygroundRoute, async ({ principal, body, requestId, signal }) => {
  const run = await preparePlaygroundRun(principal, body, requestId);
  return eventStreamResponse((aborted) => streamPlaygroundRun(run, aborted), { signal });
});
