import { apiRoute } from "@/lib/http/api-route";
import { removeDatasetItemRoute, updateDatasetItemRoute } from "@/lib/datasets/routes";
import { removeDatasetItem, updateDatasetItem } from "@/lib/datasets/change-items";

export const PATCH = apiRoute(updateDatasetItemRoute, ({ principal, params, body }) => updateDatasetItem(principal, params.name, params.key, body));
export const DELETE = apiRoute(removeDatasetItemRoute, ({ principal, params, query }) => removeDatasetItem(principal, params.name, params.key, query.changelog));
