import { apiRoute } from "@/lib/http/api-route";
import { exportDatasetRoute } from "@/lib/datasets/routes";
import { exportDatasetVersion } from "@/lib/datasets/service";

export const GET = apiRoute(exportDatasetRoute, async ({ principal, params, query }) => {
  const file = await exportDatasetVersion(principal, params.name, params.version, query.format);
  return new Response(file.text, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}.${file.extension}"` },
  });
});
