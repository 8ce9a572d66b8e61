import { apiRoute } from "@/lib/http/api-route";
import { createApiKeyRoute, listApiKeysRoute } from "@/lib/apikeys/routes";
import { createApiKey, listApiKeys } from "@/lib/apikeys/service";

export const GET = apiRoute(listApiKeysRoute, async ({ principal }) => ({ apiKeys: await listApiKeys(principal) }));
export const POST = apiRoute(createApiKeyRoute, ({ principal, body }) => createApiKey(principal, body));
