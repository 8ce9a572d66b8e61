import { apiRoute } from "@/lib/http/api-route";
import { addDatasetItemRoute } from "@/lib/datasets/routes";
import { addDatasetItem } from "@/lib/datasets/change-items";

export const POST = apiRoute(addDatasetItemRoute, ({ principal, params, body }) => addDatasetItem(principal, params.name, body));
