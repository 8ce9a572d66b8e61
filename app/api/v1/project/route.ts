import { apiRoute } from "@/lib/http/api-route";
import { getProjectRoute } from "@/lib/projects/routes";
import { getProject } from "@/lib/projects/service";

export const GET = apiRoute(getProjectRoute, async ({ principal }) => ({
  project: await getProject(principal),
  caller: {
    kind: principal.kind,
    label: principal.label,
    role: principal.kind === "user" ? principal.role : null,
    scopes: principal.kind === "apiKey" ? [...principal.scopes] : null,
  },
}));
