import { apiRoute } from "@/lib/http/api-route";
import { createRetrievalConfigVersionRoute, listRetrievalConfigsRoute } from "@/lib/registry/retrieval/routes";
import { createRetrievalConfigVersion, listRetrievalConfigs } from "@/lib/registry/retrieval/service";

export const GET = apiRoute(listRetrievalConfigsRoute, async ({ principal }) => ({ retrievalConfigs: await listRetrievalConfigs(principal) }));

const create = apiRoute(createRetrievalConfigVersionRoute, ({ principal, body }) => createRetrievalConfigVersion(principal, body));

// The wrapper answers with the contract's one status (201); a save that changed nothing created nothing, so it is a 200.
export async function POST(req: Request, ctx: { params: Promise<Record<string, string>> }): Promise<Response> {
  const res = await create(req, ctx);
  if (res.status !== 201) return res;
  const body = await res.json();
  return Response.json(body, { status: body.unchanged ? 200 : 201, headers: res.headers });
}
