import { apiRoute } from "@/lib/http/api-route";
import { getDatasetRoute } from "@/lib/datasets/routes";
import { getDataset } from "@/lib/datasets/service";

export const GET = apiRoute(getDatasetRoute, ({ principal, params }) => getDataset(principal, params.name));
