import { apiRoute } from "@/lib/http/api-route";
import { listDocumentsRoute, uploadDocumentRoute } from "@/lib/registry/retrieval/routes";
import { listDocuments, uploadDocument } from "@/lib/registry/retrieval/knowledge-bases";

export const GET = apiRoute(listDocumentsRoute, async ({ principal, params }) => ({ documents: await listDocuments(principal, params.id) }));

const upload = apiRoute(uploadDocumentRoute, ({ principal, params, body }) => uploadDocument(principal, params.id, body));

// 201 only when a document was created; replacing or re-sending one is a 200.
export async function POST(req: Request, ctx: { params: Promise<Record<string, string>> }): Promise<Response> {
  const res = await upload(req, ctx);
  if (res.status !== 201) return res;
  const body = await res.json();
  return Response.json(body, { status: body.status === "created" ? 201 : 200, headers: res.headers });
}
