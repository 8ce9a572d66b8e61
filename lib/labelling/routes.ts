import { z } from "zod";
import { defineContract } from "../http/contract";
import {
  ZCreateLabelQueue, ZCreateScoreConfig, ZCreateScoreConfigVersion, ZIdParam, ZLabelQueue, ZListQueuesQuery, ZProjectParam, ZScoreConfig,
  ZScoreConfigDetail, ZUpdateLabelQueue,
} from "./schemas";

// Rubrics and queues over HTTP. Writes need labels:manage, which only people hold (no API key scope
// grants it), so keys read but never shape human review; signed-in sessions work on these routes too.

const tag = "Labelling";
const rubrics = "/api/v1/projects/{project}/score-configs";
const queues = "/api/v1/projects/{project}/label-queues";

export const createScoreConfigRoute = defineContract({
  method: "POST", path: rubrics, tag, summary: "Create a rubric (score config) with its version 1: dimensions (scale, categorical, boolean) and guidelines",
  permission: "labels:manage", params: ZProjectParam, body: ZCreateScoreConfig, response: ZScoreConfig, status: 201,
});

export const createScoreConfigVersionRoute = defineContract({
  method: "POST", path: `${rubrics}/{id}/versions`, tag, summary: "Write a rubric's next version (versions are immutable; queues keep the version they pinned)",
  permission: "labels:manage", params: ZIdParam, body: ZCreateScoreConfigVersion, response: ZScoreConfig, status: 201,
});

export const listScoreConfigsRoute = defineContract({
  method: "GET", path: rubrics, tag, summary: "List rubrics with their latest version, most recently changed first",
  permission: "registry:read", params: ZProjectParam, response: z.object({ scoreConfigs: z.array(ZScoreConfig) }),
});

export const getScoreConfigRoute = defineContract({
  method: "GET", path: `${rubrics}/{id}`, tag, summary: "A rubric with every version, newest first",
  permission: "registry:read", params: ZIdParam, response: ZScoreConfigDetail,
});

export const createLabelQueueRoute = defineContract({
  method: "POST", path: queues, tag,
  summary: "Create a labelling queue pinned to a rubric version. An eval_run source adds its items now; traces and feedback sources are sampled every cadenceMinutes",
  permission: "labels:manage", params: ZProjectParam, body: ZCreateLabelQueue, response: ZLabelQueue, status: 201,
});

export const listLabelQueuesRoute = defineContract({
  method: "GET", path: queues, tag, summary: "List labelling queues (archived ones with ?archived=true), newest first, with item counts per status",
  permission: "registry:read", params: ZProjectParam, query: ZListQueuesQuery, response: z.object({ queues: z.array(ZLabelQueue) }),
});

export const getLabelQueueRoute = defineContract({
  method: "GET", path: `${queues}/{id}`, tag, summary: "A labelling queue with its settings and item counts per status",
  permission: "registry:read", params: ZIdParam, response: ZLabelQueue,
});

export const updateLabelQueueRoute = defineContract({
  method: "PATCH", path: `${queues}/{id}`, tag,
  summary: "Change a queue's settings. More annotators per item adds slots to items not yet gold; fewer is refused (409) when an item already has more labels. archived: true archives it",
  permission: "labels:manage", params: ZIdParam, body: ZUpdateLabelQueue, response: ZLabelQueue,
});

export const LABELLING_ROUTES = [
  createScoreConfigRoute, createScoreConfigVersionRoute, listScoreConfigsRoute, getScoreConfigRoute,
  createLabelQueueRoute, listLabelQueuesRoute, getLabelQueueRoute, updateLabelQueueRoute,
];
