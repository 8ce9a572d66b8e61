import { apiRoute } from "@/lib/http/api-route";
import { ingestOtlpTracesRoute } from "@/lib/traces/routes";
import { ingestOtlpTraces } from "@/lib/traces/ingest";

export const POST = apiRoute(ingestOtlpTracesRoute, ({ principal, body }) => ingestOtlpTraces(principal, body));
