import { apiRoute } from "@/lib/http/api-route";
import { createDatasetRoute, listDatasetsRoute } from "@/lib/datasets/routes";
import { createDataset, listDatasets } from "@/lib/datasets/service";

export const GET = apiRoute(listDatasetsRoute, async ({ principal }) => ({ datasets: await listDatasets(principal) }));
export const POST = apiRoute(createDatasetRoute, ({ principal, body }) => createDataset(principal, body));
