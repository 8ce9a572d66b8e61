import { defineContract } from "../http/contract";
import { ZAuditPage, ZAuditQuery } from "./schemas";

export const listAuditEventsRoute = defineContract({
  method: "GET", path: "/api/v1/audit-events", tag: "Audit", summary: "Audit events of the project, newest first, filterable",
  permission: "audit:read", query: ZAuditQuery, response: ZAuditPage,
});
