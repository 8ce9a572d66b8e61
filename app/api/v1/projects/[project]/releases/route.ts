import { apiRoute } from "@/lib/http/api-route";
import { createReleaseRoute, listReleasesRoute } from "@/lib/releases/routes";
import { createRelease, listReleases } from "@/lib/releases/service";

export const GET = apiRoute(listReleasesRoute, async ({ principal, query }) => ({ releases: await listReleases(principal, query) }));
export const POST = apiRoute(createReleaseRoute, ({ principal, body }) => createRelease(principal, body));
