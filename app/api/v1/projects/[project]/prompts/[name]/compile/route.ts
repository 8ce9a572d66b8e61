import { apiRoute } from "@/lib/http/api-route";
import { compilePromptRoute } from "@/lib/registry/prompts/routes";
import { compilePromptVersion } from "@/lib/registry/prompts/queries";

export const POST = apiRoute(compilePromptRoute, ({ principal, params, body }) =>
  compilePromptVersion(principal, params.name, body.version, body.variables),
);
