import { apiRoute } from "@/lib/http/api-route";
import { ingestTracesRoute } from "@/lib/traces/routes";
import { ingestTraces } from "@/lib/traces/ingest";

export const POST = apiRoute(ingestTracesRoute, ({ principal, body }) => ingestTraces(principal, body));
