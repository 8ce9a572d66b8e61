import { apiRoute } from "@/lib/http/api-route";
import { listAuditEventsRoute } from "@/lib/audit/routes";
import { listAuditEvents } from "@/lib/audit/service";

export const GET = apiRoute(listAuditEventsRoute, ({ principal, query }) => listAuditEvents(principal, query));
