import { apiRoute } from "@/lib/http/api-route";
import { getPromptRoute } from "@/lib/registry/prompts/routes";
import { getPrompt } from "@/lib/registry/prompts/queries";

export const GET = apiRoute(getPromptRoute, ({ principal, params }) => getPrompt(principal, params.name));
