import { apiRoute } from "@/lib/http/api-route";
import { exportConfigRoute, importConfigRoute } from "@/lib/environments/routes";
import { exportDeploymentConfig, importDeploymentConfig } from "@/lib/environments/deployment-config";

export const GET = apiRoute(exportConfigRoute, async ({ principal, params }) => {
  const yaml = await exportDeploymentConfig(principal, params.env);
  return new Response(yaml, {
    headers: { "content-type": "application/yaml; charset=utf-8", "content-disposition": `attachment; filename="${params.env}.deployment.yaml"` },
  });
});
export const POST = apiRoute(importConfigRoute, ({ principal, params, body }) => importDeploymentConfig(principal, params.env, body));
