import { apiRoute } from "@/lib/http/api-route";
import { toWebResponse } from "@/lib/http/raw-response";
import { resolveReleaseRoute } from "@/lib/environments/routes";
import { resolveAnswer } from "@/lib/environments/resolve-response";

// In production the web server answers calls with an API key itself (scripts/hot-routes.ts, the same
// contract and resolveAnswer); Next serves this handler for sessions and under `next dev`.
export const dynamic = "force-dynamic";

export const GET = apiRoute(resolveReleaseRoute, async ({ principal, params, query, headers }) =>
  toWebResponse(await resolveAnswer(principal, params.env, query.key, headers)));
