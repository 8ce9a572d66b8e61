import { apiRoute } from "@/lib/http/api-route";
import { createPromptVersionRoute, listPromptsRoute } from "@/lib/registry/prompts/routes";
import { createPromptVersion } from "@/lib/registry/prompts/service";
import { listPrompts } from "@/lib/registry/prompts/queries";

export const GET = apiRoute(listPromptsRoute, async ({ principal, query }) => ({ prompts: await listPrompts(principal, query) }));

const create = apiRoute(createPromptVersionRoute, ({ principal, body }) => createPromptVersion(principal, body));

// The wrapper answers with the contract's one status (201); a save that changed nothing created
// nothing, so it is a 200.
export async function POST(req: Request, ctx: { params: Promise<Record<string, string>> }): Promise<Response> {
  const res = await create(req, ctx);
  if (res.status !== 201) return res;
  const body = await res.json();
  return Response.json(body, { status: body.unchanged ? 200 : 201, headers: res.headers });
}
