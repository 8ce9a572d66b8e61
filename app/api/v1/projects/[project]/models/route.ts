import { apiRoute } from "@/lib/http/api-route";
import { createModelVersionRoute, listModelVersionsRoute } from "@/lib/registry/models/routes";
import { createModelVersion, listModelVersions } from "@/lib/registry/models/service";

export const GET = apiRoute(listModelVersionsRoute, async ({ principal }) => ({ models: await listModelVersions(principal) }));
export const POST = apiRoute(createModelVersionRoute, ({ principal, body }) => createModelVersion(principal, body));
