import { apiRoute } from "@/lib/http/api-route";
import { markNotificationsReadRoute } from "@/lib/notifications/routes";
import { markNotificationsRead } from "@/lib/notifications/service";

export const POST = apiRoute(markNotificationsReadRoute, ({ principal, body }) => markNotificationsRead(principal, body));
