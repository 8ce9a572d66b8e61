import { z } from "zod";
import { defineContract } from "../http/contract";
import { ZListNotificationsQuery, ZMarkRead, ZNotificationList, ZProjectParam } from "./schemas";

const tag = "Notifications";
const base = "/api/v1/projects/{project}/notifications";

export const listNotificationsRoute = defineContract({
  method: "GET", path: base, tag,
  summary: "The signed-in member's inbox in this project, newest first, with the unread count (people only: an API key gets 403)",
  permission: null, params: ZProjectParam, query: ZListNotificationsQuery, response: ZNotificationList,
});

export const markNotificationsReadRoute = defineContract({
  method: "POST", path: `${base}/read`, tag,
  summary: "Mark notifications read for the signed-in member: { ids: [...] } or { all: true }",
  permission: null, params: ZProjectParam, body: ZMarkRead, response: z.object({ marked: z.number().int(), unreadCount: z.number().int() }),
});

export const NOTIFICATION_ROUTES = [listNotificationsRoute, markNotificationsReadRoute];
