import { apiRoute } from "@/lib/http/api-route";
import { listDatasetItemsRoute } from "@/lib/datasets/routes";
import { listDatasetItems } from "@/lib/datasets/service";

export const GET = apiRoute(listDatasetItemsRoute, ({ principal, params, query }) => listDatasetItems(principal, params.name, params.version, query));
