import { z } from "zod";
import { defineContract } from "../http/contract";
import {
  ZAdjudicationResult, ZAgreement, ZClaimResult, ZExportGold, ZExportResult, ZItemParam, ZLabelBody, ZQueueParam, ZQueueProgress, ZSlotParam, ZSubmitResult,
} from "./annotate-schemas";

// Labelling API (issue 7): claims, labels, adjudication, progress, agreement and the golden-set export.
// Labelling is people's work: every write needs a labels:* permission no API key scope carries.

const tag = "Labelling";
const base = "/api/v1/projects/{project}";

export const claimRoute = defineContract({
  method: "POST", path: `${base}/label-queues/{id}/claims`, tag, status: 201,
  summary:
    "Claim the next slot for me (lowest position first; an item I skipped or already labelled is never offered again). Returns the claim I already hold if it has not expired. " +
    "201 {slot, item}; 200 {slot: null} when nothing is left for me. Two reviewers never get the same slot.",
  permission: "labels:write", params: ZQueueParam, response: ZClaimResult,
});

export const submitLabelRoute = defineContract({
  method: "PUT", path: `${base}/label-slots/{slotId}`, tag,
  summary:
    "Submit my label on a slot I claimed, or revise one I submitted while the item is still open. 422 on a score outside the scale or an unknown dimension; " +
    "409 when the slot is claimed by someone else, my lock expired, or the item is already gold or awaiting adjudication. The last label of an item decides it: gold by consensus, or adjudication.",
  permission: "labels:write", params: ZSlotParam, body: ZLabelBody, response: ZSubmitResult,
});

export const skipSlotRoute = defineContract({
  method: "POST", path: `${base}/label-slots/{slotId}/skip`, tag,
  summary: "Give back a slot I claimed; the item is not offered to me again.",
  permission: "labels:write", params: ZSlotParam, response: z.object({ skipped: z.literal(true), itemId: z.string() }),
});

export const adjudicateRoute = defineContract({
  method: "POST", path: `${base}/label-items/{itemId}/adjudication`, tag,
  summary:
    "Decide the gold label of an item whose annotators disagreed beyond the queue's threshold (labels:adjudicate). 409 unless the item awaits adjudication; " +
    "403 for one of the item's annotators; 422 on a score outside the scale.",
  permission: "labels:adjudicate", params: ZItemParam, body: ZLabelBody, response: ZAdjudicationResult,
});

export const agreementRoute = defineContract({
  method: "GET", path: `${base}/label-queues/{id}/agreement`, tag,
  summary: "Krippendorff's alpha per rubric dimension (interval on scales, nominal otherwise) over items with at least two submitted labels, with that sample size.",
  permission: "registry:read", params: ZQueueParam, response: z.object({ dimensions: z.array(ZAgreement) }),
});

export const progressRoute = defineContract({
  method: "GET", path: `${base}/label-queues/{id}/progress`, tag,
  summary: "Items open / awaiting adjudication / gold, slots submitted of total, and per assignee: labels submitted, claims held now, items skipped.",
  permission: "registry:read", params: ZQueueParam, response: ZQueueProgress,
});

export const exportGoldRoute = defineContract({
  method: "POST", path: `${base}/label-queues/{id}/export`, tag, status: 201,
  summary:
    "Export the queue's gold-labelled items as a new dataset version: {dataset: {name}} creates a dataset, {dataset: {id}} adds a version to an existing one " +
    "(items with the same key are replaced, the rest kept). Corrected answers become references; items are tagged gold. 409 when nothing is gold yet.",
  permission: "labels:manage", params: ZQueueParam, body: ZExportGold, response: ZExportResult,
});

export const ANNOTATE_ROUTES = [claimRoute, submitLabelRoute, skipSlotRoute, adjudicateRoute, agreementRoute, progressRoute, exportGoldRoute];
