import { apiRoute } from "@/lib/http/api-route";
import { getPromptVersionRoute } from "@/lib/registry/prompts/routes";
import { getPromptVersion } from "@/lib/registry/prompts/queries";

export const GET = apiRoute(getPromptVersionRoute, ({ principal, params }) => getPromptVersion(principal, params.name, params.version));
