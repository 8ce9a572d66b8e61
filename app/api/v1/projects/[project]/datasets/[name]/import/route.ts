import { apiRoute } from "@/lib/http/api-route";
import { importDatasetRoute } from "@/lib/datasets/routes";
import { importDatasetItems } from "@/lib/datasets/change-items";

// 201 when a version was written, 200 when the items equal the latest version's
export const POST = apiRoute(importDatasetRoute, async ({ principal, params, body }) => {
  const result = await importDatasetItems(principal, params.name, body);
  return Response.json(result, { status: result.unchanged ? 200 : 201 });
});
