import { apiRoute } from "@/lib/http/api-route";
import { listNotificationsRoute } from "@/lib/notifications/routes";
import { listNotifications } from "@/lib/notifications/service";

export const GET = apiRoute(listNotificationsRoute, ({ principal, query }) => listNotifications(principal, query));
