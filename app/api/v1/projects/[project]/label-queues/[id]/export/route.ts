import { apiRoute } from "@/lib/http/api-route";
import { exportGoldRoute } from "@/lib/labelling/annotate-routes";
import { exportGoldLabels } from "@/lib/labelling/export";

export const POST = apiRoute(exportGoldRoute, ({ principal, params, body }) => exportGoldLabels(principal, params.id, body));
