import { apiRoute } from "@/lib/http/api-route";
import { revokeApiKeyRoute } from "@/lib/apikeys/routes";
import { revokeApiKey } from "@/lib/apikeys/service";

export const DELETE = apiRoute(revokeApiKeyRoute, ({ principal, params }) => revokeApiKey(principal, params.id));
