import { z } from "zod";
import { defineContract } from "../http/contract";
import {
  MAX_IMPORT_BYTES, ZAddDatasetItem, ZCreateDataset, ZDatasetDetail, ZDatasetItemParam, ZDatasetItemsPage, ZDatasetParam, ZDatasetSummary,
  ZDatasetVersionParam, ZExportQuery, ZImportDataset, ZImportResult, ZListItemsQuery, ZProjectParam, ZRemoveDatasetItemQuery, ZSavedDatasetVersion,
  ZUpdateDatasetItem,
} from "./schemas";

const tag = "Datasets";
const base = "/api/v1/projects/{project}/datasets";

export const createDatasetRoute = defineContract({
  method: "POST", path: base, tag, summary: "Create a dataset (name unique in the project); it has no version until items are added",
  permission: "evals:write", params: ZProjectParam, body: ZCreateDataset, response: ZDatasetSummary, status: 201,
});

export const listDatasetsRoute = defineContract({
  method: "GET", path: base, tag, summary: "List datasets, most recently changed first",
  permission: "registry:read", params: ZProjectParam, response: z.object({ datasets: z.array(ZDatasetSummary) }),
});

export const getDatasetRoute = defineContract({
  method: "GET", path: `${base}/{name}`, tag, summary: "A dataset with its versions, newest first",
  permission: "registry:read", params: ZDatasetParam, response: ZDatasetDetail,
});

export const importDatasetRoute = defineContract({
  method: "POST", path: `${base}/{name}/import`, tag,
  summary:
    "Import a CSV or JSONL file (at most 5 MB) as the next version (201; 200 with unchanged: true when the items equal the latest version's), appended to or replacing the latest items. Any invalid line refuses " +
    "the whole file with 422 and a report (issues: field \"line N: column\", message) unless skipInvalid; then the skipped lines are listed. " +
    "CSV columns: input.<variable> or inputs (JSON), reference, context (JSON array or text), relevant_doc_ids, tags, language, split, key",
  permission: "evals:write", params: ZDatasetParam, body: ZImportDataset, response: ZImportResult, status: 201,
  // the 5 MB file plus JSON escaping
  maxBodyBytes: MAX_IMPORT_BYTES + 1024 * 1024,
});

export const listDatasetItemsRoute = defineContract({
  method: "GET", path: `${base}/{name}/versions/{version}/items`, tag, summary: "A page of a version's items in order; pass nextCursor as cursor for the next page",
  permission: "registry:read", params: ZDatasetVersionParam, query: ZListItemsQuery, response: ZDatasetItemsPage,
});

export const exportDatasetRoute = defineContract({
  method: "GET", path: `${base}/{name}/versions/{version}/export`, tag,
  summary: "The version as a JSONL (application/x-ndjson) or CSV (text/csv) file; importing it again gives the same content hash",
  permission: "registry:read", params: ZDatasetVersionParam, query: ZExportQuery, response: z.string(),
  responseType: "file", fileTypes: ["application/x-ndjson", "text/csv"],
});

export const addDatasetItemRoute = defineContract({
  method: "POST", path: `${base}/{name}/items`, tag, summary: "Add one item (key generated when missing): a new version",
  permission: "evals:write", params: ZDatasetParam, body: ZAddDatasetItem, response: ZSavedDatasetVersion.extend({ key: z.string() }), status: 201,
});

export const updateDatasetItemRoute = defineContract({
  method: "PATCH", path: `${base}/{name}/items/{key}`, tag, summary: "Replace one item's content (its key stays): a new version, or unchanged: true",
  permission: "evals:write", params: ZDatasetItemParam, body: ZUpdateDatasetItem, response: ZSavedDatasetVersion,
});

export const removeDatasetItemRoute = defineContract({
  method: "DELETE", path: `${base}/{name}/items/{key}`, tag, summary: "Remove one item: a new version",
  permission: "evals:write", params: ZDatasetItemParam, query: ZRemoveDatasetItemQuery, response: ZSavedDatasetVersion,
});

export const DATASET_ROUTES = [
  createDatasetRoute, listDatasetsRoute, getDatasetRoute, importDatasetRoute, listDatasetItemsRoute, exportDatasetRoute,
  addDatasetItemRoute, updateDatasetItemRoute, removeDatasetItemRoute,
];
